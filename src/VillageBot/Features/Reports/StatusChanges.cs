using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>
/// rst:REPORT:STATUS — a coordinator of the report's village (or an admin) chose its next status; the note for
/// the reporter is asked next. A forged or stale button changes nothing.
/// </summary>
public sealed class StatusCallback(ReportStore store, ReportView view) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "rst:…".</summary>
    public const string Prefix = "rst";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var to = data.Arg(1);
        if (data.IntArg(0) is not int id || store.Find(id) is not { } report || !ReportStatus.All.Contains(to))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        if (!ctx.MayManage(report.VillageId))
        {
            await ctx.AckAsync(ctx.T("access.not_your_village"), alert: true);
            return;
        }

        if (!ReportStatus.CanMove(report.Status, to))
        {
            await ctx.AckAsync(ctx.T("reports.cannot_move", view.Status(ctx.Lang, report.Status)), alert: true);
            return;
        }

        await ctx.AckAsync();
        var state = new Dictionary<string, string>
        {
            ["id"] = id.ToString(CultureInfo.InvariantCulture),
            ["from"] = report.Status,
            ["to"] = to,
        };
        if (ctx.Callback?.Message is { } card)
        {
            state["card"] = card.Id.ToString(CultureInfo.InvariantCulture);
        }

        ctx.StartDialog(StatusNote.Dialog, StatusNote.Step, state);
        await StatusNote.AskAsync(ctx, view, report.Reference, to);
    }
}

/// <summary>The note that goes with a status change; required when rejecting, so the reporter learns why.</summary>
public sealed class StatusNote(ReportStore store, ReportView view, ReportNotifier notifier, ILogger<StatusNote> log)
{
    public const string Dialog = "reportstatus";
    public const string Step = "note";
    public const int MaxLength = 1000;

    public static Task AskAsync(BotContext ctx, ReportView view, string reference, string to)
    {
        var keyboard = new Keyboard();
        if (to != ReportStatus.Rejected)
        {
            keyboard.Row(new Button(ctx.T("reports.btn_no_note"), CallbackData.Build(StatusNoteCallback.Prefix, "skip")));
        }

        keyboard.Row(new Button(ctx.T("common.cancel"), CallbackData.Build(StatusNoteCallback.Prefix, "cancel")));
        var key = to == ReportStatus.Rejected ? "reports.ask_reason" : "reports.ask_note";
        return ctx.ReplyAsync(ctx.T(key, reference, view.Status(ctx.Lang, to)), keyboard);
    }

    public async Task ApplyAsync(BotContext ctx, string? note)
    {
        var state = ctx.Resident.Dialog!;
        ctx.EndDialog();
        var id = int.Parse(state.Data["id"], CultureInfo.InvariantCulture);
        if (store.Find(id) is not { } current)
        {
            await ctx.ReplyKeyAsync("reports.gone");
            return;
        }

        if (!ctx.MayManage(current.VillageId))
        {
            await ctx.ReplyKeyAsync("access.not_your_village");
            return;
        }

        var report = store.ChangeStatus(id, state.Data["from"], state.Data["to"], note, ctx.UserId, ctx.Now);
        if (report is null)
        {
            await ctx.ReplyKeyAsync("reports.changed_meanwhile", current.Reference, view.Status(ctx.Lang, current.Status));
            return;
        }

        await ctx.ReplyKeyAsync("reports.status_set", report.Reference, view.Status(ctx.Lang, report.Status));
        await notifier.StatusChangedAsync(report, note);
        await RefreshCardAsync(ctx, state, report);
    }

    /// <summary>The card whose button was pressed now shows the new status and its next steps, so old buttons are not pressed again.</summary>
    private async Task RefreshCardAsync(BotContext ctx, DialogState state, Report report)
    {
        if (!int.TryParse(state.Get("card"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var card))
        {
            return;
        }

        try
        {
            await ctx.Messenger.EditTextAsync(ctx.ChatId, card, view.ManagerCard(ctx.Lang, report), view.ManagerButtons(ctx.Lang, report));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The card may be gone or too old to edit; the change itself is saved and announced.
            log.LogDebug(e, "Could not refresh the card of report {Id}", report.Id);
        }
    }
}

/// <summary>The note typed as a message.</summary>
public sealed class StatusNoteDialog(StatusNote note) : IDialogHandler
{
    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        if (ctx.Message?.Text is null || ctx.Text.Length == 0)
        {
            await ctx.ReplyKeyAsync("reports.note_text_expected");
            return;
        }

        await note.ApplyAsync(ctx, MessageLimits.Clip(ctx.Text, StatusNote.MaxLength));
    }
}

/// <summary>rsn:skip (no note) | rsn:cancel.</summary>
public sealed class StatusNoteCallback(StatusNote note) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "rsn:…".</summary>
    public const string Prefix = "rsn";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var to = ctx.InDialog(StatusNote.Dialog) ? ctx.Resident.Dialog!.Get("to") : null;
        switch (data.Arg(0))
        {
            case "skip" when to is not null && to != ReportStatus.Rejected:
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T("reports.no_note"));
                await note.ApplyAsync(ctx, null);
                return;
            case "cancel" when to is not null:
                await ctx.AckAsync();
                ctx.EndDialog();
                await ctx.EditOrReplyAsync(ctx.T("dialog.cancelled"));
                return;
            default:
                await ctx.AckAsync(ctx.T("callback.stale"));
                return;
        }
    }
}

/// <summary>rph:REPORT — the report's photo, for a coordinator of its village or an admin.</summary>
public sealed class ReportPhotoCallback(ReportStore store, ReportView view) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "rph:…".</summary>
    public const string Prefix = "rph";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (data.IntArg(0) is not int id || store.Find(id) is not { PhotoFileId: { } photo } report)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        if (!ctx.MayManage(report.VillageId))
        {
            await ctx.AckAsync(ctx.T("access.not_your_village"), alert: true);
            return;
        }

        await ctx.AckAsync();
        await ctx.Messenger.SendStoredPhotoAsync(ctx.ChatId, photo, $"{report.Reference} · {view.Category(ctx.Lang, report.Category)}");
    }
}
