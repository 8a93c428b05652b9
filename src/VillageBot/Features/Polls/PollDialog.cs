using System.Globalization;
using System.Text;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Membership;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Polls;

/// <summary>
/// /newpoll: village (when several) → question → 2–10 options → anonymous? → one or several answers? → how long
/// open → when to send → preview → send as native polls to every active resident. Buttons are "np:…".
/// Every step is stored in the dialog state, so a restart continues it; bad input changes nothing.
/// </summary>
public sealed class PollDialog(PollStore store, IBroadcaster broadcaster, IJobScheduler jobs, SendTime sendTime, Audience audience)
    : ICommandHandler, ICallbackHandler, IDialogHandler, IBroadcastComposer
{
    public const string Name = "poll";
    public const string Prefix = "np";
    public const int MaxOptions = 10;
    public const int MinOptions = 2;

    private const string StepVillage = "village";
    private const string StepQuestion = "question";
    private const string StepOptions = "options";
    private const string StepAnonymous = "anon";
    private const string StepMultiple = "multi";
    private const string StepClose = "close";
    private const string StepWhen = "when";
    private const string StepConfirm = "confirm";

    public async Task HandleAsync(BotContext ctx, string args)
    {
        var villages = audience.Villages(ctx);
        if (villages.Count == 0)
        {
            await ctx.ReplyKeyAsync("broadcast.no_village");
            return;
        }

        if (villages.Count == 1)
        {
            await BeginAsync(ctx, villages[0]);
            return;
        }

        ctx.StartDialog(Name, StepVillage);
        await ctx.ReplyAsync(ctx.T("poll.choose_village"), Audience.Picker(ctx, Prefix, villages));
    }

    public string Kind => "poll";

    public string LabelKey => "broadcast.kind_poll";

    /// <summary>Starts the dialog for a village already chosen (also from /broadcast).</summary>
    public async Task BeginAsync(BotContext ctx, Village village)
    {
        ctx.StartDialog(Name, StepQuestion, new() { ["village"] = village.Id.ToString(CultureInfo.InvariantCulture) });
        await ctx.ReplyKeyAsync("poll.ask_question", village.Name, broadcaster.CountRecipients(village.Id), MessageLimits.PollQuestion);
    }

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var step = ctx.InDialog(Name) ? ctx.Resident.Dialog!.Step : null;
        var d = ctx.Resident.Dialog?.Data;
        switch (data.Arg(0))
        {
            case "cancel" when step is not null:
                ctx.EndDialog();
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T("dialog.cancelled"));
                return;
            case "v" when step == StepVillage && audience.Chosen(ctx, data) is { } village:
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T("poll.village_chosen", village.Name));
                await BeginAsync(ctx, village);
                return;
            case "done" when step == StepOptions && Options(ctx).Count >= MinOptions:
                await ctx.AckAsync();
                await AskAnonymousAsync(ctx);
                return;
            case "anon" when step == StepAnonymous && data.Arg(1) is "0" or "1":
                d!["anon"] = data.Arg(1);
                ctx.SetStep(StepMultiple);
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T("poll.ask_multiple"), YesNo(ctx, "multi", "poll.multiple_yes", "poll.multiple_no"));
                return;
            case "multi" when step == StepMultiple && data.Arg(1) is "0" or "1":
                d!["multi"] = data.Arg(1);
                ctx.SetStep(StepClose);
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T("poll.ask_close"), CloseButtons(ctx));
                return;
            case "close" when step == StepClose && data.IntArg(1) is int minutes && PollDuration.Choices.Contains(minutes):
                await ctx.AckAsync();
                await AskWhenAsync(ctx, TimeSpan.FromMinutes(minutes));
                return;
            case "at" when step == StepWhen && sendTime.FromButton(data.Arg(1), ctx.Now) is { } at:
                await ctx.AckAsync();
                if (!await sendTime.AskIfQuietAsync(ctx, Prefix, data.Arg(1)))
                {
                    await ShowPreviewAsync(ctx, at, SendTime.IsNow(data.Arg(1)));
                }

                return;
            case "send" when step == StepConfirm:
                await ctx.AckAsync();
                await SendAsync(ctx);
                return;
        }

        await ctx.AckAsync(ctx.T("callback.stale"));
    }

    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        if (state.Step is StepQuestion or StepOptions or StepClose or StepWhen && ctx.Message?.Text is null)
        {
            await ctx.ReplyKeyAsync("poll.text_expected");
            return;
        }

        switch (state.Step)
        {
            case StepQuestion:
                await ReadQuestionAsync(ctx);
                return;
            case StepOptions:
                await ReadOptionsAsync(ctx);
                return;
            case StepClose:
                if (PollDuration.Parse(ctx.Text) is not { } duration)
                {
                    await ctx.ReplyAsync(ctx.T("poll.bad_duration"), CloseButtons(ctx));
                    return;
                }

                await AskWhenAsync(ctx, duration);
                return;
            case StepWhen:
                if (sendTime.Parse(ctx.Text, ctx.Now) is not { } at)
                {
                    await ctx.ReplyAsync(ctx.T("sendtime.bad", sendTime.Format(ctx.Now.AddHours(2))), sendTime.Buttons(ctx, Prefix));
                    return;
                }

                await ShowPreviewAsync(ctx, at, now: false);
                return;
            default:
                await ctx.ReplyKeyAsync("broadcast.use_buttons");
                return;
        }
    }

    private async Task ReadQuestionAsync(BotContext ctx)
    {
        var question = ctx.Text.ReplaceLineEndings(" ").Trim();
        if (question.Length == 0)
        {
            await ctx.ReplyKeyAsync("input.empty");
            return;
        }

        if (ctx.TextWasCut || question.Length > MessageLimits.PollQuestion)
        {
            await ctx.ReplyKeyAsync("poll.question_too_long", MessageLimits.PollQuestion, question.Length);
            return;
        }

        ctx.Resident.Dialog!.Data["question"] = question;
        ctx.SetStep(StepOptions);
        await ctx.ReplyKeyAsync("poll.ask_options", MinOptions, MaxOptions, MessageLimits.PollOption);
    }

    private async Task ReadOptionsAsync(BotContext ctx)
    {
        var options = Options(ctx);
        var added = ctx.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (added.Count == 0)
        {
            await ctx.ReplyKeyAsync("input.empty");
            return;
        }

        if (added.FirstOrDefault(o => o.Length > MessageLimits.PollOption) is { } tooLong)
        {
            await ctx.ReplyKeyAsync("poll.option_too_long", MessageLimits.PollOption, MessageLimits.Clip(tooLong, 40), tooLong.Length);
            return;
        }

        if (options.Count + added.Count > MaxOptions)
        {
            await ctx.ReplyKeyAsync("poll.too_many_options", MaxOptions, MaxOptions - options.Count);
            return;
        }

        var seen = new HashSet<string>(options, StringComparer.OrdinalIgnoreCase);
        if (added.FirstOrDefault(o => !seen.Add(o)) is { } repeated)
        {
            await ctx.ReplyKeyAsync("poll.option_repeated", repeated);
            return;
        }

        options.AddRange(added);
        ctx.Resident.Dialog!.Data["options"] = string.Join('\n', options);
        ctx.Save();
        if (options.Count == MaxOptions)
        {
            await AskAnonymousAsync(ctx);
            return;
        }

        var list = ctx.T("poll.options_so_far", options.Count, Numbered(options));
        if (options.Count < MinOptions)
        {
            await ctx.ReplyAsync(list + "\n\n" + ctx.T("poll.options_more", MinOptions - options.Count));
            return;
        }

        await ctx.ReplyAsync(list + "\n\n" + ctx.T("poll.options_done_hint", MaxOptions - options.Count), Keyboard.Of(
            [new Button(ctx.T("poll.options_done"), CallbackData.Build(Prefix, "done"))],
            [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]));
    }

    private async Task AskAnonymousAsync(BotContext ctx)
    {
        ctx.SetStep(StepAnonymous);
        await ctx.ReplyAsync(ctx.T("poll.ask_anonymous"), YesNo(ctx, "anon", "poll.anonymous_yes", "poll.anonymous_no"));
    }

    private async Task AskWhenAsync(BotContext ctx, TimeSpan duration)
    {
        ctx.Resident.Dialog!.Data["minutes"] = ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        ctx.SetStep(StepWhen);
        await ctx.ReplyAsync(ctx.T("poll.close_chosen", DurationText(ctx, duration)) + "\n\n" + ctx.T("sendtime.ask"), sendTime.Buttons(ctx, Prefix));
    }

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
        };
        store.Polls.Insert(poll);
        jobs.Schedule<PollCloseJob>(PollCloseJob.Arg(poll.Id), poll.ClosesAt);
        poll.BroadcastId = await broadcaster.StartAsync(draft.Village.Id, PollBroadcastSender.Content(poll.Id), ctx.UserId, at);
        store.Polls.Update(poll);
        await ctx.EditOrReplyAsync(
            BroadcastDialog.Started(ctx, broadcaster, sendTime, poll.BroadcastId.Value, draft.Village, at.Value) + "\n" + ctx.T("poll.closes_at", sendTime.Format(poll.ClosesAt)),
            BroadcastDialog.StartedButtons(ctx, poll.BroadcastId.Value, at.Value));
    }

    private sealed record PollDraft(Village Village, string Question, IReadOnlyList<string> Options, bool Anonymous, bool Multiple, TimeSpan Duration);

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
            : new PollDraft(village, question, options, d.Get("anon") == "1", d.Get("multi") == "1", TimeSpan.FromMinutes(minutes));
    }

    private static List<string> Options(BotContext ctx) =>
        [.. (ctx.Resident.Dialog?.Get("options") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static string Numbered(IReadOnlyList<string> options) =>
        string.Join('\n', options.Select((o, i) => $"{i + 1}. {o}"));

    private static Keyboard YesNo(BotContext ctx, string what, string yesKey, string noKey) => Keyboard.Of(
        [new Button(ctx.T(yesKey), CallbackData.Build(Prefix, what, 1)), new Button(ctx.T(noKey), CallbackData.Build(Prefix, what, 0))],
        [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]);

    private static Keyboard CloseButtons(BotContext ctx) => Keyboard.Of(
        [.. PollDuration.Choices.Select(m => new Button(DurationText(ctx, TimeSpan.FromMinutes(m)), CallbackData.Build(Prefix, "close", m)))],
        [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]);

    /// <summary>"3 days", "2 hours", "45 minutes", "1 week" in the person's language.</summary>
    public static string DurationText(BotContext ctx, TimeSpan d) => PollDuration.Format(d, ctx.Lang, ctx.Texts);
}
