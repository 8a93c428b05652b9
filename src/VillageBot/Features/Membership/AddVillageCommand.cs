using System.Text.RegularExpressions;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.Membership;

/// <summary>/addvillage code Name.</summary>
public sealed partial class AddVillageCommand(IDocumentStore db, BotStatus status) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args)
    {
        var parts = args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !CodePattern().IsMatch(parts[0]) || parts[1].Length is < 2 or > 80)
        {
            await ctx.ReplyKeyAsync("addvillage.usage");
            return;
        }

        var code = parts[0].ToLowerInvariant();
        if (db.Villages.Exists(v => v.Code == code))
        {
            await ctx.ReplyKeyAsync("addvillage.exists", code);
            return;
        }

        db.Villages.Insert(new Village { Code = code, Name = parts[1], CreatedAt = ctx.Now });
        var reply = ctx.T("addvillage.done", parts[1], code);
        if (status.DeepLink(code) is { } link)
        {
            reply += "\n" + ctx.T("addvillage.link", link);
        }

        await ctx.ReplyAsync(reply);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{2,32}$")]
    private static partial Regex CodePattern();
}
