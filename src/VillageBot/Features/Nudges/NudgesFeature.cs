using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Nudges;

public static class NudgesFeature
{
    public static IServiceCollection AddNudges(this IServiceCollection services)
    {
        services.AddOptions<NudgeOptions>().BindConfiguration(NudgeOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<NudgeStore>();
        services.AddHostedService<PrepareAtStart<NudgeStore>>();
        services.AddSingleton<NudgeWake>();
        services.AddSingleton<IPersonalData, NudgePersonalData>();
        services.AddJob<NudgeScan>("nudge-scan");
        services.AddJob<NudgeDelivery>("nudge");
        services.AddHostedService<NudgeScanStart>();
        return services;
    }

    /// <summary>Another kind of nudge the scan plans and the delivery sends.</summary>
    public static IServiceCollection AddNudgeSource<TSource>(this IServiceCollection services)
        where TSource : class, INudgeSource
    {
        services.AddSingleton<INudgeSource, TSource>();
        return services;
    }
}
