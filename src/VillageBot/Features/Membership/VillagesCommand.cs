using System.Text;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.Membership;

/// <summary>/villages — every village with its code, join link and number of residents.</summary>
public sealed class VillagesCommand(IDocumentStore db, BotStatus status) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var villages = db.Villages.FindAll().OrderBy(v => v.Name).ToList();
        if (villages.Count == 0)
        {
            return ctx.ReplyKeyAsync("villages.none");
        }

        var text = new StringBuilder();
        foreach (var v in villages)
        {
            text.Append(ctx.T("villages.list_item", v.Name, v.Code, db.Residents.Count(r => r.VillageId == v.Id)));
            if (status.DeepLink(v.Code) is { } link)
            {
                text.Append("\n  ").Append(link);
            }

            text.Append('\n');
        }

        return ctx.ReplyAsync(text.ToString());
    }
}
