using VillageBot.Conversation;

namespace VillageBot.Features.Onboarding;

public static class OnboardingFeature
{
    public static IServiceCollection AddOnboarding(this IServiceCollection services)
    {
        services.AddSingleton<VillageDirectory>();
        services.AddSingleton<OnboardingFlow>();
        services.AddHostedService<VillageSeeder>();
        services.AddCommand<StartCommand>("start", Access.Anyone, "cmd.start");
        services.AddNewcomerGreeting<StartCommand>();
        services.AddCommand<LangCommand>("lang", Access.Anyone, "cmd.lang");
        services.AddCommand<VillageCommand>("village", Access.Member, "cmd.village");
        services.AddCallback<LanguageCallback>(LanguageCallback.Prefix, Access.Anyone);
        services.AddCallback<VillageCallback>(VillageCallback.Prefix, Access.Anyone);
        services.AddCallback<PrivacyCallback>(PrivacyCallback.Prefix, Access.Anyone);
        services.AddDialog<OnboardingDialogHandler>(OnboardingFlow.Dialog);
        services.AddDialog<OnboardingDialogHandler>(OnboardingFlow.SwitchDialog);
        return services;
    }
}
