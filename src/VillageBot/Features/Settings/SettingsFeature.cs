using VillageBot.Conversation;

namespace VillageBot.Features.Settings;

public static class SettingsFeature
{
    public static IServiceCollection AddSettings(this IServiceCollection services) => services
        .AddCommand<SettingsCommand>("settings", Access.Member, "cmd.settings")
        .AddCallback<SettingsCallback>(SettingsCallback.Prefix, Access.Member);
}
