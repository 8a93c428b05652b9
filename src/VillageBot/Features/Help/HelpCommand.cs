using System.Text;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Help;

/// <summary>/help lists the commands this person may use, in their language.</summary>
public sealed class HelpCommand(RouteTable routes) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var text = new StringBuilder(ctx.T("help.title")).Append('\n');
        Append(text, ctx, Access.Anyone, Access.Member);
        text.Append('\n').Append(ctx.T("help.free_text"));
        if (ctx.IsCoordinator)
        {
            text.Append("\n\n").Append(ctx.T("help.coordinator_title")).Append('\n');
            Append(text, ctx, Access.Coordinator);
        }

        if (ctx.IsAdmin)
        {
            text.Append("\n\n").Append(ctx.T("help.admin_title")).Append('\n');
            Append(text, ctx, Access.Admin);
        }

        return ctx.ReplyAsync(text.ToString());
    }

    // What residents do most comes first, joining and settings after; other commands keep their registration order.
    private static readonly string[] MostUsedFirst =
        ["ask", "report", "myreports", "quiz", "leaderboard", "settings", "lang", "village", "mydata", "forget", "start", "help", "cancel", "whoami"];

    private void Append(StringBuilder text, BotContext ctx, params Access[] levels)
    {
        var listed = routes.Commands.Values.Where(r => r.MenuTextKey is not null && levels.Contains(r.Access))
            .OrderBy(r => Array.IndexOf(MostUsedFirst, r.Command) is var i and >= 0 ? i : MostUsedFirst.Length);
        foreach (var route in listed)
        {
            text.Append('/').Append(route.Command).Append(" — ").Append(ctx.T(route.MenuTextKey!)).Append('\n');
        }
    }
}

/// <summary>/cancel leaves the current multi-step dialog.</summary>
public sealed class CancelCommand : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        if (ctx.Resident.Dialog is null)
        {
            return ctx.ReplyKeyAsync("dialog.nothing_to_cancel");
        }

        ctx.EndDialog();
        return ctx.ReplyKeyAsync("dialog.cancelled");
    }
}

/// <summary>/whoami tells a person their Telegram id (an operator needs it for Bot:AdminIds) and role.</summary>
public sealed class WhoAmICommand(IDocumentStore db) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var roles = new List<string>();
        if (ctx.IsAdmin)
        {
            roles.Add(ctx.T("role.admin"));
        }

        if (ctx.Resident.CoordinatorOf.Count > 0)
        {
            var names = ctx.Resident.CoordinatorOf.Select(id => db.Villages.FindById(id)?.Name ?? id.ToString(System.Globalization.CultureInfo.InvariantCulture));
            roles.Add(ctx.T("role.coordinator", string.Join(", ", names)));
        }

        if (roles.Count == 0)
        {
            roles.Add(ctx.T("role.resident"));
        }

        return ctx.ReplyKeyAsync("whoami.text", ctx.UserId, ctx.Village?.Name ?? "—", string.Join(", ", roles));
    }
}
