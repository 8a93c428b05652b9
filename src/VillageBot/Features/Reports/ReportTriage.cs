using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>
/// /reports [status] [category] [village=code]: the reports of the villages this person manages, each with buttons
/// for its next status. Coordinators see their own villages; admins every village.
/// </summary>
public sealed class ReportsCommand(ReportList list, ReportView view) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args)
    {
        var filter = ReportFilter.Parse(args, view.VillageId, view.FilterWord, out var unknown);
        if (filter is null)
        {
            await ctx.ReplyAsync(ctx.T("reports.unknown_filter", unknown) + "\n" + ctx.T("reports.usage"));
            return;
        }

        await list.SendAsync(ctx, filter, 0);
    }
}

/// <summary>rpl:skip:statuses:category:village — the next page of a /reports list.</summary>
public sealed class ReportsPageCallback(ReportList list) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "rpl:…".</summary>
    public const string Prefix = "rpl";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (data.IntArg(0) is not int skip || skip < 0 || ReportFilter.FromCallback(data) is not { } filter)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        await ctx.AckAsync();
        await list.SendAsync(ctx, filter, skip);
    }
}

public sealed class ReportList(ReportStore store, ReportView view)
{
    public const int PageSize = 5;

    private static readonly List<string> StatusOrder = [.. ReportStatus.All];

    public async Task SendAsync(BotContext ctx, ReportFilter filter, int skip)
    {
        if (filter.VillageId is int village && !ctx.MayManage(village))
        {
            await ctx.ReplyKeyAsync("access.not_your_village");
            return;
        }

        IReadOnlyCollection<int>? villages = filter.VillageId is int one ? [one] : ctx.IsAdmin ? null : ctx.Resident.CoordinatorOf;
        var found = store.List(villages, filter.StatusList, filter.Category)
            .OrderBy(r => Rank(r.Status))
            .ThenBy(r => r.CreatedAt)
            .ToList();
        if (found.Count == 0)
        {
            await ctx.ReplyAsync(ctx.T("reports.none") + "\n" + ctx.T("reports.usage"));
            return;
        }

        var page = found.Skip(skip).Take(PageSize).ToList();
        if (skip == 0)
        {
            var counts = string.Join(", ", found.GroupBy(r => r.Status).OrderBy(g => Rank(g.Key))
                .Select(g => string.Create(CultureInfo.InvariantCulture, $"{view.Status(ctx.Lang, g.Key)}: {g.Count()}")));
            await ctx.ReplyAsync(ctx.T("reports.header", found.Count, counts));
        }

        foreach (var report in page)
        {
            await ctx.ReplyAsync(view.ManagerCard(ctx.Lang, report), view.ManagerButtons(ctx.Lang, report));
        }

        var shown = skip + page.Count;
        if (shown < found.Count)
        {
            await ctx.ReplyAsync(ctx.T("reports.more", shown, found.Count), Keyboard.Of([new Button(ctx.T("reports.btn_more"), filter.ToCallback(shown))]));
        }
    }

    private static int Rank(string status) => StatusOrder.IndexOf(status);
}
