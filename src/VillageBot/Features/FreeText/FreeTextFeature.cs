using VillageBot.Conversation;

namespace VillageBot.Features.FreeText;

/// <summary>Free text outside any dialog: intent model, router, the "question or problem?" prompt and its dialog.</summary>
public static class FreeTextFeature
{
    public static IServiceCollection AddFreeText(this IServiceCollection services)
    {
        services.AddOptions<IntentOptions>().BindConfiguration(IntentOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IntentDetector>();
        services.AddHostedService<IntentStartup>();
        services.AddScoped<FreeTextRouter>();
        services.AddScoped<ITextHandler, FreeTextHandler>();
        services.AddCallback<FreeTextCallback>(FreeTextCallback.Prefix, Access.Member);
        services.AddDialog<FreeTextDialog>(FreeTextHandler.Dialog);
        return services;
    }
}
