using System.Text;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Questions.Chat;

/// <summary>/gaps [village-code] — the questions the bot could not answer: a coordinator sees their villages, an admin all.</summary>
public sealed class GapsCommand(KnowledgeGaps gaps, IDocumentStore db, TimeZoneInfo zone) : ICommandHandler
{
    private const int Shown = 30;

    public async Task HandleAsync(BotContext ctx, string args)
    {
        IReadOnlyCollection<int>? villages = ctx.IsAdmin ? null : ctx.Resident.CoordinatorOf;
        if (args.Length > 0)
        {
            var code = args.Trim().ToLowerInvariant();
            if (db.Villages.FindOne(v => v.Code == code) is not { } village)
            {
                await ctx.ReplyKeyAsync("questions.gaps_unknown_village", args.Trim());
                return;
            }

            if (!ctx.MayManage(village.Id))
            {
                await ctx.ReplyKeyAsync("access.not_your_village");
                return;
            }

            villages = [village.Id];
        }

        var list = gaps.Of(villages);
        if (list.Count == 0)
        {
            await ctx.ReplyKeyAsync("questions.gaps_none");
            return;
        }

        var names = db.Villages.FindAll().ToDictionary(v => v.Id, v => v.Name);
        var text = new StringBuilder(ctx.T("questions.gaps_title", list.Count));
        foreach (var gap in list.Take(Shown))
        {
            var village = gap.VillageId is int id ? names.GetValueOrDefault(id, "?") : ctx.T("questions.gaps_no_village");
            var mark = gap.ForwardedAt is null ? "" : ctx.T("questions.gaps_forwarded_mark");
            text.Append('\n').Append(ctx.T("questions.gaps_item", TimeZoneInfo.ConvertTimeFromUtc(gap.AskedAt.ToUniversalTime(), zone), village, gap.Lang, mark, MessageLimits.Clip(gap.Question, 200)));
        }

        if (list.Count > Shown)
        {
            text.Append('\n').Append(ctx.T("questions.gaps_more", list.Count - Shown));
        }

        await ctx.ReplyAsync(MessageLimits.Clip(text.ToString(), MessageLimits.Text));
    }
}
