using VillageBot.Conversation;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports;

public static class ReportsFeature
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<ReportStore>();
        services.AddHostedService<PrepareAtStart<ReportStore>>();
        services.AddSingleton<ReportView>();
        services.AddJob<RetrainJob>(RetrainJob.Key);
        services.AddSingleton<IPersonalData, ReportPersonalData>();
        services.AddScoped<ReportNotifier>();
        services.AddScoped<ReportFlow>();
        services.AddScoped<ReportList>();
        services.AddScoped<StatusNote>();
        services.AddScoped<IProblemIntake, ReportIntake>();

        services.AddCommand<ReportCommand>("report", Access.Member, "cmd.report");
        services.AddCommand<MyReportsCommand>("myreports", Access.Member, "cmd.myreports");
        services.AddDialog<ReportDialogHandler>(ReportFlow.Dialog);
        services.AddCallback<ReportCallback>("rep", Access.Member);

        services.AddCommand<ReportsCommand>("reports", Access.Coordinator, "cmd.reports");
        services.AddCallback<ReportsPageCallback>("rpl", Access.Coordinator);
        services.AddCallback<StatusCallback>("rst", Access.Coordinator);
        services.AddCallback<StatusNoteCallback>("rsn", Access.Coordinator);
        services.AddCallback<ReportPhotoCallback>("rph", Access.Coordinator);
        services.AddDialog<StatusNoteDialog>(StatusNote.Dialog);

        services.AddCommand<ReviewCommand>("review", Access.Admin, "cmd.review");
        services.AddCallback<RelabelCallback>("rvw", Access.Admin);
        services.AddCommand<RetrainCommand>("retrain", Access.Admin, "cmd.retrain");
        return services;
    }
}
