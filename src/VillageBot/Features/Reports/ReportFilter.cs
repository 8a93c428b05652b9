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
