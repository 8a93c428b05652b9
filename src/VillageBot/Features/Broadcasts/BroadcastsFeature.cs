using VillageBot.Conversation;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Broadcasts;

public static class BroadcastsFeature
{
    public static IServiceCollection AddBroadcasts(this IServiceCollection services)
    {
        services.AddOptions<BroadcastOptions>().BindConfiguration(BroadcastOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BroadcastStore>();
        services.AddSingleton<Infrastructure.Privacy.IPersonalData, BroadcastPersonalData>();
        services.AddHostedService<PrepareAtStart<BroadcastStore>>();
        services.AddSingleton<SendTime>();
        services.AddSingleton<IBroadcaster, Broadcaster>();
        services.AddBroadcastSender<TextBroadcastSender>();
        services.AddJob<BroadcastJob>("broadcast");
        services.AddCommand<BroadcastDialog>("broadcast", Access.Coordinator, "cmd.broadcast");
        services.AddCallback<BroadcastDialog>(BroadcastDialog.Prefix, Access.Coordinator);
        services.AddDialog<BroadcastDialog>(BroadcastDialog.Name);
        return services;
    }

    /// <summary>Another choice /broadcast offers after the village, continued in the feature's own dialog.</summary>
    public static IServiceCollection AddBroadcastComposer<TComposer>(this IServiceCollection services)
        where TComposer : class, IBroadcastComposer
    {
        services.AddScoped<IBroadcastComposer>(sp => sp.GetRequiredService<TComposer>());
        return services;
    }

    /// <summary>Another kind of content a broadcast can carry (a poll, a quiz…).</summary>
    public static IServiceCollection AddBroadcastSender<TSender>(this IServiceCollection services)
        where TSender : class, IBroadcastSender
    {
        services.AddTransient<IBroadcastSender, TSender>();
        return services;
    }
}
