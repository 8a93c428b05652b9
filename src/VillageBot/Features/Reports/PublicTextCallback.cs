using VillageBot.Conversation;

namespace VillageBot.Features.Reports;

/// <summary>
/// rpb:REPORT:on|off — a coordinator of the report's village (or an admin) lets its text show on the village's public
/// page, or takes it back. The button is offered only while that page is on; a forged or stale one changes nothing.
/// </summary>
public sealed class PublicTextCallback(ReportStore store, ReportView view, TimeProvider time) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "rpb:…".</summary>
    public const string Prefix = "rpb";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var wanted = data.Arg(1);
        if (data.IntArg(0) is not int id || store.Find(id) is not { } report || wanted is not ("on" or "off"))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        if (!ctx.MayManage(report.VillageId))
        {
            await ctx.AckAsync(ctx.T("access.not_your_village"), alert: true);
            return;
        }

        var marked = store.MarkPublic(id, wanted == "on", time.GetUtcNow().UtcDateTime)!;
        if (marked.Public != (wanted == "on"))
        {
            await ctx.AckAsync(ctx.T("reports.public_refused"), alert: true);
            return;
        }

        await ctx.AckAsync(ctx.T(marked.Public ? "reports.public_done" : "reports.private_done"));
        await ctx.EditOrReplyAsync(view.ManagerCard(ctx.Lang, marked), view.ManagerButtons(ctx.Lang, marked));
    }
}
