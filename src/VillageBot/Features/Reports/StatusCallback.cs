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
