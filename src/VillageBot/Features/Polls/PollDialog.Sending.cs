using System.Globalization;
using System.Text;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Messaging;
namespace VillageBot.Features.Polls;

/// <summary>/newpoll, the end: the preview, and the poll stored, scheduled to close and sent as a broadcast.</summary>
public sealed partial class PollDialog
{
    private async Task ShowPreviewAsync(BotContext ctx, DateTime at, bool now)
    {
        if (Draft(ctx) is not { } draft)
        {
            ctx.EndDialog();
            await ctx.ReplyKeyAsync("callback.stale");
            return;
        }

        ctx.Resident.Dialog!.Data["at"] = now ? "now" : at.ToString("O", CultureInfo.InvariantCulture);
        ctx.SetStep(StepConfirm);
        var text = new StringBuilder(ctx.T("poll.preview_title", draft.Village.Name)).Append("\n\n")
            .Append("📊 ").Append(draft.Question).Append('\n');
        foreach (var option in draft.Options)
        {
            text.Append("▫️ ").Append(option).Append('\n');
        }

        text.Append('\n')
            .Append(ctx.T(draft.Anonymous ? "poll.preview_anonymous" : "poll.preview_public")).Append('\n')
            .Append(ctx.T(draft.Multiple ? "poll.preview_multiple" : "poll.preview_single")).Append('\n')
            .Append(draft.Group is "anon" or "named" ? ctx.T(draft.Group == "anon" ? "poll.preview_group_anonymous" : "poll.preview_group_named") + "\n" : "")
            .Append(ctx.T("poll.preview_closes", sendTime.Format(at + draft.Duration), DurationText(ctx, draft.Duration))).Append('\n')
            .Append(ctx.T("poll.preview_recipients", broadcaster.CountRecipients(draft.Village.Id), now ? ctx.T("sendtime.when_now") : ctx.T("sendtime.when_at", sendTime.Format(at))));
        await ctx.ReplyAsync(text.ToString(), Keyboard.Of(
            [new Button(ctx.T("poll.send"), CallbackData.Build(Prefix, "send"))],
            [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]));
    }

    private async Task SendAsync(BotContext ctx)
    {
        var draft = Draft(ctx);
        var at = BroadcastDialog.ReadTime(ctx.Resident.Dialog?.Get("at"), ctx.Now);
        ctx.EndDialog();
        if (draft is null || at is null)
        {
            await ctx.EditOrReplyAsync(ctx.T("callback.stale"));
            return;
        }

        var poll = new VillagePoll
        {
            VillageId = draft.Village.Id,
            CreatedBy = ctx.UserId,
            Question = draft.Question,
            Options = [.. draft.Options],
            IsAnonymous = draft.Anonymous,
            AllowsMultipleAnswers = draft.Multiple,
            CreatedAt = ctx.Now,
            SendAt = at.Value,
            ClosesAt = at.Value + draft.Duration,
            InGroup = draft.Group is "anon" or "named",
            GroupAnonymous = draft.Group != "named",
        };
        store.Polls.Insert(poll);
        jobs.Schedule<PollCloseJob>(PollCloseJob.Arg(poll.Id), poll.ClosesAt);
        if (poll.InGroup)
        {
            jobs.Schedule<PollGroupJob>(PollGroupJob.Arg(poll.Id), poll.SendAt);
        }

        poll.BroadcastId = await broadcaster.StartAsync(draft.Village.Id, PollBroadcastSender.Content(poll.Id), ctx.UserId, at);
        store.Polls.Update(poll);
        await ctx.EditOrReplyAsync(
            BroadcastDialog.Started(ctx, broadcaster, sendTime, poll.BroadcastId.Value, draft.Village, at.Value) + "\n" + ctx.T("poll.closes_at", sendTime.Format(poll.ClosesAt)),
            BroadcastDialog.StartedButtons(ctx, poll.BroadcastId.Value, at.Value));
    }

    /// <param name="Group">"anon" or "named" to post it in the linked group too, otherwise not.</param>
    private sealed record PollDraft(Village Village, string Question, IReadOnlyList<string> Options, bool Anonymous, bool Multiple, TimeSpan Duration, string? Group);

    private PollDraft? Draft(BotContext ctx)
    {
        var d = ctx.Resident.Dialog;
        if (d is null
            || !int.TryParse(d.Get("village"), CultureInfo.InvariantCulture, out var villageId)
            || audience.Managed(ctx, villageId) is not { } village
            || d.Get("question") is not { } question
            || !int.TryParse(d.Get("minutes"), CultureInfo.InvariantCulture, out var minutes))
        {
            return null;
        }

        var options = Options(ctx);
        return options.Count is < MinOptions or > MaxOptions
            ? null
            : new PollDraft(village, question, options, d.Get("anon") == "1", d.Get("multi") == "1", TimeSpan.FromMinutes(minutes), d.Get("group"));
    }
}
