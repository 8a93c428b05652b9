using VillageBot.Features.AdminWeb;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Responsibilities;

/// <summary>
/// Reports reach whoever can fix them: the responsible body per category, topic and place
/// (data/responsibilities.json, edited at /web/responsibilities), e-mail or Open311 delivery as a retried job,
/// and at once a plain word to the resident about what the village cannot fix (112, the grid operator).
/// </summary>
public static class ResponsibilitiesFeature
{
    public static IServiceCollection AddResponsibilities(this IServiceCollection services)
    {
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TopicCatalog>();
        services.AddSingleton<ResponsibilityStore>();
        services.AddHostedService(sp => sp.GetRequiredService<ResponsibilityStore>());
        services.AddSingleton<DeliveryStore>();
        services.AddSingleton<DeliveryStatus>();
        services.AddSingleton<IReportFacts>(sp => sp.GetRequiredService<DeliveryStatus>());
        services.AddSingleton<IPulseSource>(sp => sp.GetRequiredService<DeliveryStatus>());
        services.AddSingleton<IPersonalData, ResponsibilityPersonalData>();
        services.AddSingleton<MailSender>();
        services.AddSingleton<Open311Sender>();
        services.AddHttpClient(Open311Sender.Client, http => http.Timeout = TimeSpan.FromSeconds(30));
        services.AddScoped<ReportMessageBuilder>();
        services.AddScoped<IReportRouting, ReportRouter>();
        services.AddSingleton<IEmergencyAdvice, EmergencyAdvice>();
        services.AddJob<DeliveryJob>(DeliveryJob.Name);
        return services;
    }

    public static WebApplication MapResponsibilities(this WebApplication app)
    {
        app.Services.GetRequiredService<DeliveryStore>().EnsureIndexes();
        app.MapResponsibilityPage();
        return app;
    }
}
