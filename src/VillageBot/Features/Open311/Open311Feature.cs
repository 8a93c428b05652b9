namespace VillageBot.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2 for municipal systems: the categories as services, reports as requests
/// (read through <see cref="Reports.ReportStore"/>'s queries), and creating a report with a key.
/// </summary>
public static class Open311Feature
{
    public static IServiceCollection AddOpen311(this IServiceCollection services)
    {
        services.AddOptions<Open311Options>().BindConfiguration(Open311Options.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }
}
