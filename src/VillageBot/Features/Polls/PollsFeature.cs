using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Nudges;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Polls;

public static class PollsFeature
{
    public static IServiceCollection AddPolls(this IServiceCollection services)
    {
        services.AddSingleton<PollStore>();
        services.AddSingleton<Infrastructure.Privacy.IPersonalData, PollPersonalData>();
        services.AddHostedService<PrepareAtStart<PollStore>>();
        services.AddSingleton<PollResults>();
        services.AddSingleton<EarlyVotes>();
        services.AddScoped<PollVotes>();
        services.AddScoped<IPollAnswerHandler>(sp => sp.GetRequiredService<PollVotes>());
        services.AddScoped<IPollUpdateHandler>(sp => sp.GetRequiredService<PollVotes>());
        services.AddBroadcastSender<PollBroadcastSender>();
        services.AddJob<PollCloseJob>("poll-close");
        services.AddJob<PollGroupJob>("poll-group");
        services.AddTransient<GroupPollPosts>();
        services.AddScoped<GroupPollVotes>();
        services.AddScoped<IPollAnswerHandler>(sp => sp.GetRequiredService<GroupPollVotes>());
        services.AddScoped<IPollUpdateHandler>(sp => sp.GetRequiredService<GroupPollVotes>());
        services.AddNudgeSource<PollReminders>();
        services.AddSingleton<IPulseSource, PollResultsPulse>();
        services.AddCommand<PollDialog>("newpoll", Access.Coordinator, "cmd.newpoll");
        services.AddCallback<PollDialog>(PollDialog.Prefix, Access.Coordinator);
        services.AddDialog<PollDialog>(PollDialog.Name);
        services.AddBroadcastComposer<PollDialog>();
        services.AddCommand<ResultsCommand>("results", Access.Coordinator, "cmd.results");
        services.AddCommand<PollOutcomeCommand>("outcome", Access.Coordinator, "cmd.outcome");
        services.AddCallback<PollOutcomeCommand>(PollOutcomeCommand.Prefix, Access.Coordinator);
        services.AddDialog<PollOutcomeDialog>(PollOutcomeCommand.Dialog);
        services.AddCallback<ResultsCommand>(ResultsCommand.Prefix, Access.Coordinator);
        return services;
    }
}
