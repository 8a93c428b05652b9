using System.Globalization;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Membership;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Broadcasts;

/// <summary>
/// /broadcast: village (when the person may send to several) → a text message or a poll → the text → when →
/// preview → send. Another kind (a poll) continues in its feature's dialog (<see cref="IBroadcastComposer"/>). Buttons are "bc:…".
/// </summary>
public sealed class BroadcastDialog(IBroadcaster broadcaster, SendTime sendTime, Audience audience, IEnumerable<IBroadcastComposer> composers, IOptions<BotOptions> options)
    : ICommandHandler, ICallbackHandler, IDialogHandler
{
    public const string Name = "broadcast";
    public const string Prefix = "bc";

    private const string StepVillage = Audience.PickStep;
    private const string StepKind = "kind";
    private const string StepText = "text";
    private const string StepWhen = "when";
    private const string StepConfirm = "confirm";

    public async Task HandleAsync(BotContext ctx, string args)
    {
        if (await audience.OneOrPickAsync(ctx, Name, Prefix, "broadcast.choose_village") is { } village)
        {
            ctx.StartDialog(Name, StepKind, new() { ["village"] = Id(village.Id) });
            await AskKindAsync(ctx, village, edit: false);
        }
    }

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var step = ctx.InDialog(Name) ? ctx.Resident.Dialog!.Step : null;
        switch (data.Arg(0))
        {
            case "cancel" when step is not null:
                ctx.EndDialog();
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T("dialog.cancelled"));
                return;
            case "v" when step == StepVillage && audience.Chosen(ctx, data) is { } village:
                ctx.Resident.Dialog!.Data["village"] = Id(village.Id);
                ctx.SetStep(StepKind);
                await ctx.AckAsync();
                await AskKindAsync(ctx, village, edit: true);
                return;
            case "k" when step == StepKind && (data.Arg(1) == "text" || Composer(data.Arg(1)) is not null) && Village(ctx) is { } village:
                await ctx.AckAsync();
                if (Composer(data.Arg(1)) is { } composer)
                {
                    await ctx.EditOrReplyAsync(ctx.T("broadcast.kind_chosen", ctx.T(composer.LabelKey)));
                    await composer.BeginAsync(ctx, village);
                    return;
                }

                ctx.SetStep(StepText);
                await ctx.EditOrReplyAsync(ctx.T("broadcast.ask_text", broadcaster.CountRecipients(village.Id), village.Name));
                return;
            case "at" when step == StepWhen && sendTime.FromButton(data.Arg(1), ctx.Now) is { } at:
                await ctx.AckAsync();
                if (!await sendTime.AskIfQuietAsync(ctx, Prefix, data.Arg(1)))
                {
                    await ShowPreviewAsync(ctx, at, SendTime.IsNow(data.Arg(1)));
                }

                return;
            case "send" when step == StepConfirm && Village(ctx) is { } village:
                await ctx.AckAsync();
                await SendAsync(ctx, village);
                return;
            case "drop" when data.IntArg(1) is int id && broadcaster.Get(id) is { } b && ctx.MayManage(b.VillageId):
                var cancelled = broadcaster.Cancel(id);
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T(cancelled ? "broadcast.dropped" : "broadcast.drop_too_late"));
                return;
        }

        await ctx.AckAsync(ctx.T("callback.stale"));
    }

    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        switch (state.Step)
        {
            case StepText:
                await ReadTextAsync(ctx);
                return;
            case StepWhen:
                if (ctx.Message?.Text is null || sendTime.Parse(ctx.Text, ctx.Now) is not { } at)
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

    private async Task AskKindAsync(BotContext ctx, Village village, bool edit)
    {
        var keyboard = Keyboard.Of(
            [new Button(ctx.T("broadcast.kind_text"), CallbackData.Build(Prefix, "k", "text")), .. composers.Select(c => new Button(ctx.T(c.LabelKey), CallbackData.Build(Prefix, "k", c.Kind)))],
            [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]);
        var text = ctx.T("broadcast.choose_kind", village.Name, broadcaster.CountRecipients(village.Id));
        if (edit)
        {
            await ctx.EditOrReplyAsync(text, keyboard);
        }
        else
        {
            await ctx.ReplyAsync(text, keyboard);
        }
    }

    private async Task ReadTextAsync(BotContext ctx)
    {
        if (ctx.Message?.Text is null)
        {
            await ctx.ReplyKeyAsync("broadcast.text_expected");
            return;
        }

        if (ctx.Text.Length == 0)
        {
            await ctx.ReplyKeyAsync("input.empty");
            return;
        }

        if (ctx.TextWasCut)
        {
            await ctx.ReplyKeyAsync("broadcast.text_too_long", options.Value.MaxTextLength);
            return;
        }

        ctx.Resident.Dialog!.Data["text"] = ctx.Text;
        ctx.SetStep(StepWhen);
        await ctx.ReplyAsync(ctx.T("sendtime.ask"), sendTime.Buttons(ctx, Prefix));
    }

    private async Task ShowPreviewAsync(BotContext ctx, DateTime at, bool now)
    {
        var dialog = ctx.Resident.Dialog!;
        if (Village(ctx) is not { } village || dialog.Get("text") is not { } text)
        {
            ctx.EndDialog();
            await ctx.ReplyKeyAsync("callback.stale");
            return;
        }

        dialog.Data["at"] = now ? "now" : at.ToString("O", CultureInfo.InvariantCulture);
        ctx.SetStep(StepConfirm);
        var when = now ? ctx.T("sendtime.when_now") : ctx.T("sendtime.when_at", sendTime.Format(at));
        var preview = ctx.T("broadcast.preview", TextBroadcastSender.Format(ctx.Texts, ctx.Lang, village.Name, text), broadcaster.CountRecipients(village.Id), when);
        await ctx.ReplyAsync(preview, Keyboard.Of(
            [new Button(ctx.T("broadcast.send"), CallbackData.Build(Prefix, "send"))],
            [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]));
    }

    private async Task SendAsync(BotContext ctx, Village village)
    {
        var dialog = ctx.Resident.Dialog!;
        var text = dialog.Get("text");
        var at = ReadTime(dialog.Get("at"), ctx.Now);
        if (text is null || at is null)
        {
            ctx.EndDialog();
            await ctx.EditOrReplyAsync(ctx.T("callback.stale"));
            return;
        }

        ctx.EndDialog();
        var id = await broadcaster.StartAsync(village.Id, BroadcastContent.Message(text), ctx.UserId, at);
        await ctx.EditOrReplyAsync(Started(ctx, broadcaster, sendTime, id, village, at.Value), StartedButtons(ctx, id, at.Value));
    }

    /// <summary>"Sending to N residents…" or "Scheduled for …", shared by the poll dialog.</summary>
    public static string Started(BotContext ctx, IBroadcaster broadcaster, SendTime sendTime, int id, Village village, DateTime at) =>
        at > ctx.Now
            ? ctx.T("broadcast.scheduled", village.Name, sendTime.Format(at), broadcaster.CountRecipients(village.Id))
            : ctx.T("broadcast.started", village.Name, broadcaster.CountRecipients(village.Id));

    public static Keyboard? StartedButtons(BotContext ctx, int id, DateTime at) =>
        at > ctx.Now ? Keyboard.Of([new Button(ctx.T("broadcast.drop"), CallbackData.Build(Prefix, "drop", id))]) : null;

    /// <summary>The stored send time: "now" or a future UTC time; null if it has passed meanwhile.</summary>
    public static DateTime? ReadTime(string? stored, DateTime now) =>
        stored == "now" ? now
        : DateTime.TryParse(stored, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var t) ? (t > now ? t.ToUniversalTime() : now)
        : null;

    private Village? Village(BotContext ctx) =>
        int.TryParse(ctx.Resident.Dialog?.Get("village"), CultureInfo.InvariantCulture, out var id) ? audience.Managed(ctx, id) : null;

    private IBroadcastComposer? Composer(string? kind) => composers.FirstOrDefault(c => c.Kind == kind);

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);
}
