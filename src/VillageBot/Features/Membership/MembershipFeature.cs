using VillageBot.Conversation;

namespace VillageBot.Features.Membership;

public static class MembershipFeature
{
    public static IServiceCollection AddMembership(this IServiceCollection services) => services
        .AddSingleton<Audience>()
        .AddCommand<VillagesCommand>("villages", Access.Admin, "cmd.villages")
        .AddCommand<AddVillageCommand>("addvillage", Access.Admin, "cmd.addvillage")
        .AddCommand<PromoteCommand>("promote", Access.Admin, "cmd.promote")
        .AddCommand<DemoteCommand>("demote", Access.Admin, "cmd.demote")
        .AddCommand<CoordinatorsCommand>("coordinators", Access.Admin, "cmd.coordinators");
}
