using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

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
