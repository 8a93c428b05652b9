using VillageBot.Conversation;

namespace VillageBot.Features.Onboarding;

/// <summary>
/// /start, optionally with a village code from a deep link (t.me/bot?start=code). For a member, a deep link naming a
/// members' command (t.me/bot?start=report, from a button in the village group) runs that command.
/// </summary>
public sealed class StartCommand(OnboardingFlow flow, VillageDirectory villages, RouteTable routes, IServiceProvider services) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args)
    {
        if (ctx.Resident.IsMember && routes.Commands.TryGetValue(args, out var route) && route.Access == Access.Member)
        {
            await ((ICommandHandler)services.GetRequiredService(route.Handler)).HandleAsync(ctx, "");
            return;
        }

        if (!ctx.Resident.IsMember)
        {
            await flow.BeginAsync(ctx, args);
            return;
        }

        if (villages.ByCode(OnboardingFlow.CleanCode(args)) is { } village && village.Id != ctx.Resident.VillageId)
        {
            await flow.VillageChosenAsync(ctx, village, edit: false);
            return;
        }

        await ctx.ReplyKeyAsync("onboarding.welcome_back", ctx.Village?.Name ?? "—");
    }
}
