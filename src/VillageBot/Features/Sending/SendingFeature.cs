namespace VillageBot.Features.Sending;

/// <summary>
/// What every feature that sends in bulk shares: the pace Telegram allows (<see cref="SendPacer"/>) and the quiet
/// hours (<see cref="QuietHours"/>). Broadcasts, polls and nudges use them; none of them owns them.
/// </summary>
public static class SendingFeature
{
    public static IServiceCollection AddSending(this IServiceCollection services)
    {
        services.AddOptions<PacingOptions>().BindConfiguration(PacingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<QuietHoursOptions>().BindConfiguration(QuietHoursOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<SendPacer>();
        services.AddSingleton<QuietHours>();
        return services;
    }
}
