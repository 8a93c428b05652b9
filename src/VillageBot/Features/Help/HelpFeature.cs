using VillageBot.Conversation;

namespace VillageBot.Features.Help;

public static class HelpFeature
{
    public static IServiceCollection AddHelp(this IServiceCollection services) => services
        .AddCommand<HelpCommand>("help", Access.Anyone, "cmd.help")
        .AddCommand<CancelCommand>("cancel", Access.Anyone, "cmd.cancel")
        .AddCommand<WhoAmICommand>("whoami", Access.Anyone, "cmd.whoami");
}
