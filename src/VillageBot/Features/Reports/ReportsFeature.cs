using VillageBot.Conversation;
using VillageBot.Features.Nudges;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports;

public static class ReportsFeature
{
    /// <summary>Problem reports: the report dialog, triage, review and the ML.NET classifier behind them.</summary>
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        // The classifier (IProblemClassifier), its options and its start-up training.
        services.AddOptions<ClassifierOptions>().BindConfiguration(ClassifierOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IRelabelSource, DbRelabelSource>();
        services.AddSingleton<ProblemClassifier>();
        services.AddSingleton<IProblemClassifier>(sp => sp.GetRequiredService<ProblemClassifier>());
        services.AddHostedService<ClassifierStartup>();

        services.AddOptions<SimilarReportOptions>().BindConfiguration(SimilarReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReportStore>();
        services.AddHostedService<PrepareAtStart<ReportStore>>();
        services.AddSingleton<ReportView>();
        services.AddJob<RetrainJob>(RetrainJob.Key);
        services.AddSingleton<IPersonalData, ReportPersonalData>();
        services.AddScoped<ReportNotifier>();
        services.AddScoped<ReportStatusService>();
        services.AddScoped<ReportFlow>();
        services.AddScoped<ReportList>();
        services.AddScoped<StatusNote>();
        services.AddScoped<IProblemIntake, ReportIntake>();
        services.AddNudgeSource<ReportFollowUps>();
        services.AddNudgeSource<UntriagedDigest>();
        services.AddCallback<FollowUpAnswerCallback>(ReportFollowUps.Prefix, Access.Member);

        services.AddCommand<ReportCommand>("report", Access.Member, "cmd.report");
        services.AddCommand<MyReportsCommand>("myreports", Access.Member, "cmd.myreports");
        services.AddDialog<ReportDialogHandler>(ReportFlow.Dialog);
        services.AddCallback<ReportCallback>(ReportCallback.Prefix, Access.Member);

        services.AddCommand<ReportsCommand>("reports", Access.Coordinator, "cmd.reports");
        services.AddCallback<ReportsPageCallback>(ReportsPageCallback.Prefix, Access.Coordinator);
        services.AddCallback<StatusCallback>(StatusCallback.Prefix, Access.Coordinator);
        services.AddCallback<StatusNoteCallback>(StatusNoteCallback.Prefix, Access.Coordinator);
        services.AddCallback<ReportPhotoCallback>(ReportPhotoCallback.Prefix, Access.Coordinator);
        services.AddCallback<PublicTextCallback>(PublicTextCallback.Prefix, Access.Coordinator);
        services.AddDialog<StatusNoteDialog>(StatusNote.Dialog);

        services.AddCommand<ReviewCommand>("review", Access.Admin, "cmd.review");
        services.AddCallback<RelabelCallback>(RelabelCallback.Prefix, Access.Admin);
        services.AddCommand<RetrainCommand>("retrain", Access.Admin, "cmd.retrain");
        return services;
    }
}
