using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Membership;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Polls;

/// <summary>
/// /outcome: a coordinator records what came of a poll ("the council agreed to move the bus stop"); the monthly
/// digest tells the village. Pick a poll of one's villages, then type the outcome; typing again replaces it.
/// </summary>
public sealed class PollOutcomeCommand(PollStore store, Audience audience) : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "po";
    public const string Dialog = "polloutcome";
    public const int MaxLength = 500;

    public Task HandleAsync(BotContext ctx, string args)
    {
        var villages = audience.Villages(ctx).Select(v => v.Id).ToHashSet();
        var recent = store.Polls.FindAll().Where(p => villages.Contains(p.VillageId) && p.SendAt <= ctx.Now).OrderByDescending(p => p.CreatedAt).Take(10).ToList();
        if (recent.Count == 0)
        {
            return ctx.ReplyKeyAsync("results.none");
        }

        return ctx.ReplyAsync(ctx.T("outcome.choose"), Keyboard.Column(recent.Select(p =>
            new Button((p.Outcome is null ? "" : "📝 ") + MessageLimits.Clip(p.Question, 50), CallbackData.Build(Prefix, p.Id)))));
    }

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (await ResultsCommand.ManagedPollAsync(ctx, store, data) is not { } poll)
        {
            return;
        }

        ctx.StartDialog(Dialog, "text", new() { ["poll"] = poll.Id.ToString(CultureInfo.InvariantCulture) });
        await ctx.EditOrReplyAsync(ctx.T("outcome.ask", poll.Question, poll.Outcome ?? "—"));
    }
}

/// <summary>The typed outcome of the poll chosen in /outcome.</summary>
public sealed class PollOutcomeDialog(PollStore store) : IDialogHandler
{
    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        if (ctx.Message?.Text is null || ctx.Text.Count(char.IsLetter) < 3)
        {
            await ctx.ReplyKeyAsync("outcome.text_expected");
            return;
        }

        ctx.EndDialog();
        if (!int.TryParse(state.Get("poll"), CultureInfo.InvariantCulture, out var id) || store.Polls.FindById(id) is not { } poll || !ctx.MayManage(poll.VillageId))
        {
            await ctx.ReplyKeyAsync("callback.stale");
            return;
        }

        poll.Outcome = MessageLimits.Clip(ctx.Text, PollOutcomeCommand.MaxLength);
        poll.OutcomeAt = ctx.Now;
        store.Polls.Update(poll);
        await ctx.ReplyKeyAsync("outcome.saved", poll.Question);
    }
}
