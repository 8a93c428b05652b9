using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>What /reports lists: which statuses, which category, which village (null: every village the person manages).</summary>
public sealed record ReportFilter(string Statuses, string? Category, int? VillageId)
{
    public const string Open = "open";
    public const string Closed = "closed";
    public const string Any = "all";

    public IReadOnlyList<string> StatusList => Statuses switch
    {
        Open => [ReportStatus.New, ReportStatus.Acknowledged, ReportStatus.InProgress],
        Closed => [ReportStatus.Resolved, ReportStatus.Rejected],
        Any => ReportStatus.All,
        var one => [one],
    };

    /// <summary>
    /// "new environment village=kalsnava" in any order; a status or category may also be given by its label in any
    /// language ("jauns", "vide", "решено"). Null when a word is not understood.
    /// </summary>
    public static ReportFilter? Parse(string args, Func<string, int?> villageByCode, Func<string, string?> label, out string? unknown)
    {
        var filter = new ReportFilter(Open, null, null);
        unknown = null;
        foreach (var word in args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(w => w.ToLowerInvariant()))
        {
            var w = label(word) ?? word.Replace('-', '_');
            if (w is Open or Closed or Any || ReportStatus.All.Contains(w))
            {
                filter = filter with { Statuses = w };
            }
            else if (w is "in_progress" or "inprogress" or "progress")
            {
                filter = filter with { Statuses = ReportStatus.InProgress };
            }
            else if (Categories.IsKnown(w))
            {
                filter = filter with { Category = w };
            }
            else if (w.StartsWith("village=", StringComparison.Ordinal) && villageByCode(w["village=".Length..]) is int village)
            {
                filter = filter with { VillageId = village };
            }
            else
            {
                unknown = word;
                return null;
            }
        }

        return filter;
    }

    public string ToCallback(int skip) =>
        CallbackData.Build(ReportsPageCallback.Prefix, skip, Statuses, Category ?? "-", VillageId ?? 0);

    public static ReportFilter? FromCallback(CallbackData data)
    {
        var statuses = data.Arg(1);
        var category = data.Arg(2) == "-" ? null : data.Arg(2);
        if (statuses is not (Open or Closed or Any) && !ReportStatus.All.Contains(statuses) || category is not null && !Categories.IsKnown(category) || data.IntArg(3) is not int village)
        {
            return null;
        }

        return new ReportFilter(statuses, category, village == 0 ? null : village);
    }
}

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
