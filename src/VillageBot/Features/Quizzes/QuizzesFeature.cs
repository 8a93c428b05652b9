using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Nudges;
using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Quizzes;

public static class QuizzesFeature
{
    public static IServiceCollection AddQuizzes(this IServiceCollection services)
    {
        services.AddOptions<QuizOptions>().BindConfiguration(QuizOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(sp => QuizCatalog.Load(QuizContentCheck.Folder(sp.GetRequiredService<IOptions<ContentOptions>>().Value)));
        services.AddHostedService<QuizContentCheck>();
        services.AddSingleton<QuizStore>();
        services.AddSingleton<IUnfinishedQuizzes>(sp => sp.GetRequiredService<QuizStore>());
        services.AddSingleton<QuizLeaderboard>();
        services.AddSingleton<LearningNeeds>();
        services.AddNudgeSource<QuizReminders>();
        services.AddSingleton<IPulseSource, QuizLearningPulse>();
        services.AddSingleton<IQuizInvitations, QuizInvitations>();
        services.AddBroadcastSender<QuizInviteSender>();
        services.AddSingleton<IPersonalData, QuizPersonalData>();
        services.AddScoped<QuizRunner>();
        services.AddScoped<QuizSummary>();
        services.AddScoped<QuizMenu>();
        services.AddScoped<NeedsReport>();
        services.AddCommand<QuizCommand>("quiz", Access.Member, "cmd.quiz");
        services.AddCommand<LeaderboardCommand>("leaderboard", Access.Member, "cmd.leaderboard");
        services.AddCommand<NeedsCommand>("needs", Access.Coordinator, "cmd.needs");
        services.AddCallback<QuizCallback>(QuizCallback.Prefix, Access.Member);
        services.AddCallback<LeaderboardCommand>(LeaderboardCommand.Prefix, Access.Member);
        services.AddCallback<NeedsCallback>(NeedsCallback.Prefix, Access.Coordinator);
        return services;
    }
}

/// <summary>
/// Reads and checks the quiz files before anything else starts, so broken content stops the bot at once with a
/// message naming the file and the problem; then prepares the quiz storage.
/// </summary>
public sealed class QuizContentCheck(IServiceProvider services, ILogger<QuizContentCheck> log) : IHostedLifecycleService
{
    public static string Folder(ContentOptions content) => Path.Combine(content.ResolvedDataPath, "quizzes");

    public Task StartingAsync(CancellationToken cancellationToken)
    {
        try
        {
            var catalog = services.GetRequiredService<QuizCatalog>();
            if (catalog.Modules.Count == 0)
            {
                log.LogWarning("No quiz modules in {Folder}; /quiz will have nothing to offer", catalog.Directory);
            }
            else
            {
                log.LogInformation("Loaded {Modules} quiz modules with {Questions} questions from {Folder}", catalog.Modules.Count, catalog.QuestionCount, catalog.Directory);
            }

            // The store creates its collection and indexes when first built: at start, not inside someone's first answer.
            services.GetRequiredService<QuizStore>();
        }
        catch (QuizContentException e)
        {
            log.LogCritical("{Message}", e.Message);
            throw;
        }

        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
