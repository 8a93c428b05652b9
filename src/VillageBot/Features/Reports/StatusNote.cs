using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

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
