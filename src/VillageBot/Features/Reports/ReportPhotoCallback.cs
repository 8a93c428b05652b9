using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

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
