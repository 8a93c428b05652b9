using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Questions.Chat;

/// <summary>qa:fwd:&lt;gap id&gt; — the asker passes an unanswered question to their village's coordinators, each in their own language.</summary>
public sealed class ForwardQuestionCallback(KnowledgeGaps gaps, Texts texts, IDocumentStore db, ILogger<ForwardQuestionCallback> log) : ICallbackHandler
{
    public const string Prefix = "qa";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (data.Arg(0) != "fwd" || data.IntArg(1) is not int id || gaps.Find(id) is not { } gap || gap.ResidentId != ctx.UserId)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        if (gap.ForwardedAt is not null)
        {
            await ctx.AckAsync(ctx.T("questions.already_forwarded"));
            return;
        }

        var village = gap.VillageId is int vid ? db.Villages.FindById(vid) : null;
        var delivered = village is null ? 0 : await DeliverAsync(ctx, gap, village);
        await ctx.AckAsync();
        if (delivered == 0)
        {
            await ctx.ReplyKeyAsync("questions.no_coordinator");
            return;
        }

        gap.ForwardedAt = ctx.Now;
        gaps.Update(gap);
        if (ctx.Callback?.Message is { Text: { } shown } message)
        {
            await ctx.Messenger.EditTextAsync(ctx.ChatId, message.Id, shown);
        }

        await ctx.ReplyKeyAsync("questions.forwarded", village!.Name);
    }

    private async Task<int> DeliverAsync(BotContext ctx, KnowledgeGap gap, Village village)
    {
        var asker = ctx.Resident.FirstName ?? ctx.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (ctx.Resident.Username is { Length: > 0 } username)
        {
            asker += $" (@{username})";
        }

        var villageId = village.Id;
        var coordinators = db.CoordinatorsOf(villageId).Where(r => r.Active && r.Id != ctx.UserId).ToList();
        var delivered = 0;
        foreach (var coordinator in coordinators)
        {
            try
            {
                await ctx.Messenger.SendTextAsync(coordinator.ChatId, texts.Get(coordinator.Lang, "questions.to_coordinator", asker, village.Name, gap.Question));
                delivered++;
            }
            catch (RecipientBlockedException)
            {
                log.LogInformation("Coordinator {Id} has blocked the bot; question {Gap} not delivered to them", coordinator.Id, gap.Id);
            }
        }

        return delivered;
    }
}
