using System.Globalization;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Charts;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// The village pulse: reports per category and pillar over time (by month or week), the status mix, how fast reports
/// get an answer, the reports most residents joined with "+1", and what polls, quizzes and unanswered questions
/// contribute. The page itself is VillagePulse.razor.
/// </summary>
public static class PulsePage
{
    public const int Periods = 12;

    public static void MapPulsePage(this IEndpointRouteBuilder web) =>
        web.MapGet("/pulse", (HttpContext http, IDocumentStore db, ReportStore store, IEnumerable<IPulseSource> sources, TimeProvider time) =>
        {
            var ui = WebUi.For(http);
            var viewer = ui.Viewer!;
            var q = http.Request.Query;
            int? village = int.TryParse(q["village"], NumberStyles.None, CultureInfo.InvariantCulture, out var vid) ? vid : null;
            if (village is int v && !viewer.MaySee(v))
            {
                return WebPages.Denied(ui);
            }

            var weekly = q["period"] == "week";
            var buckets = Buckets(time.GetUtcNow().UtcDateTime, ui.Zone, weekly, ui.Culture);
            var scope = new PulseScope(
                village is int one ? new HashSet<int> { one } : viewer.IsAdmin ? null : viewer.Villages,
                buckets[0].FromUtc,
                buckets[^1].ToUtc,
                ui.Lang);
            var query = new ReportQuery { Villages = scope.VillageIds, CreatedFrom = scope.FromUtc, CreatedBefore = scope.ToUtc };
            var counts = store.Count(query, [.. buckets.Select(b => (b.FromUtc, b.ToUtc))]);
            return ui.Render<VillagePulse>(new Dictionary<string, object?>
            {
                ["View"] = new ReportPresenter(db),
                ["Village"] = village,
                ["Weekly"] = weekly,
                ["Total"] = counts.Total,
                ["ByCategory"] = OverTime(buckets, counts.ByCategory, Categories.All, c => ReportPresenter.Category(ui, c), Categories.Colour),
                ["ByPillar"] = OverTime(buckets, counts.ByPillar, Categories.Pillars, p => ReportPresenter.Pillar(ui, p), Categories.PillarColour),
                ["Statuses"] = ReportStatus.All.Select(s => (ReportPresenter.Status(ui, s), (double)counts.ByStatus.GetValueOrDefault(s), ChartRules.ColourOf(ReportStatus.All, s))).ToList(),
                ["Response"] = ResponseTimes(store.Find(query).ToList()),
                ["Leaders"] = store.MostSupported(query, 10),
                ["Slots"] = PulseSlots.All.Select(slot => (slot, (IReadOnlyList<PulseSection>)[.. sources.Where(s => s.Slot == slot).Select(s => s.Build(scope)).OfType<PulseSection>()])).ToList(),
            });
        });

    public sealed record Bucket(string Label, DateTime FromUtc, DateTime ToUtc);

    /// <summary>A chart over time: the periods' labels and one series per key (category or pillar).</summary>
    public sealed record OverTimeData(IReadOnlyList<string> Periods, IReadOnlyList<ColumnsChart.Serie> Series);

    /// <summary>
    /// How long residents wait in one category: the median days from a report to its first status change, and to
    /// its resolution, each with the number of reports it is taken over.
    /// </summary>
    public sealed record ResponseTime(string Category, double FirstDays, int FirstCount, double ResolvedDays, int ResolvedCount);

    /// <summary>The last <see cref="Periods"/> calendar months (or ISO weeks) in local time, oldest first, the current one last.</summary>
    public static IReadOnlyList<Bucket> Buckets(DateTime nowUtc, TimeZoneInfo zone, bool weekly, CultureInfo culture)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(nowUtc, DateTimeKind.Utc), zone).Date;
        DateTime start = weekly
            ? local.AddDays(-(((int)local.DayOfWeek + 6) % 7))
            : new DateTime(local.Year, local.Month, 1, 0, 0, 0, DateTimeKind.Unspecified);
        var list = new List<Bucket>();
        for (var i = Periods - 1; i >= 0; i--)
        {
            var from = weekly ? start.AddDays(-7 * i) : start.AddMonths(-i);
            var to = weekly ? from.AddDays(7) : from.AddMonths(1);
            var label = weekly
                ? ISOWeek.GetYear(from).ToString(CultureInfo.InvariantCulture) + "-W" + ISOWeek.GetWeekOfYear(from).ToString("00", CultureInfo.InvariantCulture)
                : from.ToString("MMM yy", culture).Replace(".", "", StringComparison.Ordinal);
            list.Add(new Bucket(label, TimeZoneInfo.ConvertTimeToUtc(from, zone), TimeZoneInfo.ConvertTimeToUtc(to, zone)));
        }

        return list;
    }

    public static IReadOnlyList<ResponseTime> ResponseTimes(IReadOnlyList<Report> reports) =>
    [
        .. Categories.All.Select(c =>
        {
            var mine = reports.Where(r => r.Category == c).ToList();
            var first = mine.Where(r => r.History.Count > 0).Select(r => (r.History.Min(h => h.At) - r.CreatedAt).TotalDays).ToList();
            var resolved = mine.Select(r => r.History.Where(h => h.To == ReportStatus.Resolved).Select(h => (double?)(h.At - r.CreatedAt).TotalDays).FirstOrDefault()).OfType<double>().ToList();
            return new ResponseTime(c, Median(first), first.Count, Median(resolved), resolved.Count);
        }).Where(x => x.FirstCount > 0),
    ];

    public static double Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
        {
            return 0;
        }

        var sorted = values.Order().ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static OverTimeData OverTime(IReadOnlyList<Bucket> buckets, IReadOnlyDictionary<(string Key, int Bucket), int> counts, IReadOnlyList<string> keys, Func<string, string> label, Func<string, string> colour) =>
        new([.. buckets.Select(b => b.Label)], [.. keys.Select(k => new ColumnsChart.Serie(label(k), colour(k), [.. buckets.Select((_, b) => counts.GetValueOrDefault((k, b)))]))]);
}
