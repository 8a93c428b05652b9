using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Groups;
using VillageBot.Features.Membership;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Polls;

/// <summary>
/// /newpoll: village (when several) → question → 2–10 options → anonymous? → one or several answers? → also in the
/// village's linked group (anonymous there unless chosen otherwise)? → how long open → when to send → preview → send as native polls to every active resident. Buttons are "np:…".
/// Every step is stored in the dialog state, so a restart continues it; bad input changes nothing.
/// </summary>
public sealed partial class PollDialog(PollStore store, IBroadcaster broadcaster, IJobScheduler jobs, SendTime sendTime, Audience audience, GroupLinks groups)
    : ICommandHandler, ICallbackHandler, IDialogHandler, IBroadcastComposer
{
    public const string Name = "poll";
    public const string Prefix = "np";
    public const int MaxOptions = 10;
    public const int MinOptions = 2;

    private const string StepVillage = Audience.PickStep;
    private const string StepQuestion = "question";
    private const string StepOptions = "options";
    private const string StepAnonymous = "anon";
    private const string StepMultiple = "multi";
    private const string StepGroup = "group";
    private const string StepClose = "close";
    private const string StepWhen = "when";
    private const string StepConfirm = "confirm";

    public async Task HandleAsync(BotContext ctx, string args)
    {
        if (await audience.OneOrPickAsync(ctx, Name, Prefix, "poll.choose_village") is { } village)
        {
            await BeginAsync(ctx, village);
        }
    }

    public string Kind => "poll";

    public string LabelKey => "poll.kind";

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
                await ctx.AckAsync();
                if (LinkedGroup(ctx) is { } group)
                {
                    ctx.SetStep(StepGroup);
                    await ctx.EditOrReplyAsync(ctx.T("poll.ask_group", group.Title ?? ""), GroupButtons(ctx));
                    return;
                }

                ctx.SetStep(StepClose);
                await ctx.EditOrReplyAsync(ctx.T("poll.ask_close"), CloseButtons(ctx));
                return;
            case "grp" when step == StepGroup && data.Arg(1) is "no" or "anon" or "named":
                d!["group"] = data.Arg(1);
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
}
