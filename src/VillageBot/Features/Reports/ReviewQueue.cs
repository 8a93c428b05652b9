using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>/review: reports the classifier was unsure of, or whose reporter changed the category, lowest confidence first.</summary>
public sealed class ReviewCommand(ReportStore store, ReportView view) : ICommandHandler
{
    public const int PageSize = 5;

    public async Task HandleAsync(BotContext ctx, string args)
    {
        var queue = store.NeedingReview();
        if (queue.Count == 0)
        {
            await ctx.ReplyKeyAsync("review.empty");
            return;
        }

        await ctx.ReplyKeyAsync("review.header", queue.Count, Math.Min(PageSize, queue.Count));
        foreach (var report in queue.Take(PageSize))
        {
            await ctx.ReplyAsync(Card(ctx, view, report), Buttons(ctx, view, report));
        }
    }

    public static string Card(BotContext ctx, ReportView view, Report r)
    {
        var predicted = Categories.IsKnown(r.PredictedCategory)
            ? ctx.T("review.predicted", view.Category(ctx.Lang, r.PredictedCategory), (int)Math.Round(r.Confidence * 100))
            : ctx.T("review.no_prediction");
        return ctx.T("review.card", r.Reference, view.VillageName(r.VillageId), ReportView.Snippet(r.Text, 600), predicted, view.Category(ctx.Lang, r.Category));
    }

    /// <summary>Every category, two per row; the current one is marked.</summary>
    public static Keyboard Buttons(BotContext ctx, ReportView view, Report r)
    {
        var keyboard = new Keyboard();
        foreach (var pair in Categories.All.Chunk(2))
        {
            keyboard.Row([.. pair.Select(c => new Button((c == r.Category ? "• " : "") + view.Category(ctx.Lang, c), CallbackData.Build(RelabelCallback.Prefix, r.Id, c)))]);
        }

        return keyboard;
    }
}

/// <summary>rvw:REPORT:CATEGORY — an admin's label; stored as the training label for the next training.</summary>
public sealed class RelabelCallback(ReportStore store, ReportView view, IEnumerable<IReportRouting> routing) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "rvw:…".</summary>
    public const string Prefix = "rvw";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (data.IntArg(0) is not int id || !Categories.IsKnown(data.Arg(1)) || store.Relabel(id, data.Arg(1), ctx.Now) is not { } report)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        await ctx.AckAsync();
        var routed = routing.Select(r => r.Settled(report, ctx.Lang)).OfType<string>();
        await ctx.EditOrReplyAsync(string.Join("\n", [ctx.T("review.relabeled", report.Reference, view.Category(ctx.Lang, report.Category)), .. routed]));
    }
}
