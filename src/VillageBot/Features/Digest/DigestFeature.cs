using VillageBot.Features.AdminWeb;
using VillageBot.Features.Nudges;
using VillageBot.Infrastructure.Jobs;

namespace VillageBot.Features.Digest;

/// <summary>"You said, we did": the monthly digest of what residents raised and what came of it.</summary>
public static class DigestFeature
{
    public static IServiceCollection AddDigest(this IServiceCollection services)
    {
        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<VillageDigest>();
        services.AddNudgeSource<DigestNudges>();
        services.AddSingleton<IPulseSource, DigestPulse>();
        services.AddJob<GroupDigestJob>("digest-groups");
        services.AddHostedService<GroupDigestStart>();
        return services;
    }
}
