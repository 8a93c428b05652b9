using System.Globalization;
using System.Text;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Charts;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// The village pulse: reports per category and pillar over time (by month or week), the status mix, the
/// reports most residents joined with "+1", and what polls, quizzes and unanswered questions contribute.
/// </summary>
public static class PulsePage
{
    public const int Periods = 12;

    public static void MapPulsePage(this IEndpointRouteBuilder web) =>
        web.MapGet("/pulse", (HttpContext http, Db db, ReportStore store, IEnumerable<IPulseSource> sources, TimeProvider time) =>
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
            var view = new ReportPresenter(db);

            var body = new StringBuilder(Controls(ui, view, viewer, village, weekly));
            body.Append("<p class=\"summary\" role=\"status\">").Append(ui.TE("web.pulse.total", counts.Total)).Append("</p>");
            body.Append(OverTime(ui, "by-category", ui.T("web.pulse.by_category"), ui.T("web.field.category"), buckets, counts.ByCategory, Categories.All, c => ReportPresenter.Category(ui, c), Categories.Colour));
            body.Append(OverTime(ui, "by-pillar", ui.T("web.pulse.by_pillar"), ui.T("web.field.pillar"), buckets, counts.ByPillar, Categories.Pillars, p => ReportPresenter.Pillar(ui, p), Categories.PillarColour));
            var statuses = ReportStatus.All.Select(s => (ReportPresenter.Status(ui, s), (double)counts.ByStatus.GetValueOrDefault(s), ChartRules.ColourOf(ReportStatus.All, s))).ToList();
            body.Append(Section(ui, "status-mix", ui.T("web.pulse.status_mix"), SvgChart.HorizontalBars("status-mix", ui.T("web.pulse.status_mix"), ui.T("web.pulse.status_mix_desc"), statuses, ui.Culture), Table(ui, [ui.T("web.field.status"), ui.T("web.pulse.count")], statuses.Select(s => (IReadOnlyList<string>)[s.Item1, Num(ui, s.Item2)]))));
            body.Append(ResponseTimes(ui, store.Find(query).ToList()));
            body.Append(Leaders(ui, view, store.MostSupported(query, 10)));
            foreach (var slot in PulseSlots.All)
            {
                body.Append(Slot(ui, slot, sources.Where(s => s.Slot == slot).Select(s => s.Build(scope)).OfType<PulseSection>().ToList()));
            }

            return ui.Page(ui.T("web.pulse.title"), body.ToString());
        });

    public sealed record Bucket(string Label, DateTime FromUtc, DateTime ToUtc);

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

    private static string Controls(WebUi ui, ReportPresenter view, WebViewer viewer, int? village, bool weekly)
    {
        var inv = CultureInfo.InvariantCulture;
        return new StringBuilder("<form method=\"get\" action=\"/web/pulse\" class=\"filters\" aria-label=\"").Append(ui.TE("web.filter.label")).Append("\"><div class=\"grid\"><div>")
            .Append(WebForms.Select("village", ui.T("web.field.village"), village?.ToString(inv), view.VisibleTo(viewer).Select(v => (v.Id.ToString(inv), v.Name)), ui.T("web.filter.all")))
            .Append("</div><div>")
            .Append(WebForms.Select("period", ui.T("web.pulse.period"), weekly ? "week" : "month", [("month", ui.T("web.pulse.by_month")), ("week", ui.T("web.pulse.by_week"))]))
            .Append("</div></div><div class=\"actions\"><button type=\"submit\" class=\"primary\">").Append(ui.TE("web.filter.apply")).Append("</button></div></form>")
            .ToString();
    }

    private static string OverTime(WebUi ui, string id, string title, string keyHeader, IReadOnlyList<Bucket> buckets, IReadOnlyDictionary<(string Key, int Bucket), int> counts, IReadOnlyList<string> keys, Func<string, string> label, Func<string, string> colour)
    {
        var series = keys.Select(k => new SvgChart.Series(label(k), colour(k), [.. buckets.Select((_, b) => counts.GetValueOrDefault((k, b)))])).ToList();
        var chart = SvgChart.StackedColumns(id, title, ui.T("web.pulse.over_time_desc"), [.. buckets.Select(b => b.Label)], series, ui.Culture);
        var rows = series.Where(s => s.Values.Sum() > 0).Select(s => (IReadOnlyList<string>)[s.Name, .. s.Values.Select(v => Num(ui, v))]);
        return Section(ui, id, title, chart, Table(ui, [keyHeader, .. buckets.Select(b => b.Label)], rows));
    }

    private static string Leaders(WebUi ui, ReportPresenter view, IReadOnlyList<Report> top)
    {
        var html = new StringBuilder("<section aria-labelledby=\"h-leaders\"><h2 id=\"h-leaders\">").Append(ui.TE("web.pulse.leaders")).Append("</h2>");
        if (top.Count == 0)
        {
            return html.Append("<p>").Append(ui.TE("web.pulse.no_leaders")).Append("</p></section>").ToString();
        }

        // Each bar takes its category's colour, as in the charts above.
        var bars = top.Select(r => ($"{ReportPresenter.Reference(r)} · {ReportPresenter.Category(ui, r.Category)}", (double)r.Supporters.Count, Categories.Colour(r.Category))).ToList();
        html.Append(SvgChart.HorizontalBars("leaders", ui.T("web.pulse.leaders"), ui.T("web.pulse.leaders_desc"), bars, ui.Culture));
        html.Append("<div class=\"table-wrap\"><table><thead><tr><th scope=\"col\">").Append(ui.TE("web.col.ref")).Append("</th><th scope=\"col\">").Append(ui.TE("web.col.supporters"))
            .Append("</th><th scope=\"col\">").Append(ui.TE("web.col.village")).Append("</th><th scope=\"col\">").Append(ui.TE("web.col.status")).Append("</th><th scope=\"col\">").Append(ui.TE("web.col.text")).Append("</th></tr></thead><tbody>");
        foreach (var r in top)
        {
            html.Append("<tr><th scope=\"row\"><a href=\"/web/reports/").Append(r.Id).Append("\">").Append(WebUi.E(ReportPresenter.Reference(r))).Append("</a></th><td class=\"num\">").Append(Num(ui, r.Supporters.Count))
                .Append("</td><td>").Append(WebUi.E(view.VillageName(r.VillageId))).Append("</td><td>").Append(WebUi.E(ReportPresenter.Status(ui, r.Status))).Append("</td><td>").Append(WebUi.E(ReportPresenter.Snippet(r.Text, 90))).Append("</td></tr>");
        }

        return html.Append("</tbody></table></div></section>").ToString();
    }

    private static string Slot(WebUi ui, string slot, List<PulseSection> sections)
    {
        var html = new StringBuilder("<section aria-labelledby=\"h-").Append(slot).Append("\"><h2 id=\"h-").Append(slot).Append("\">").Append(ui.TE("web.pulse.slot." + slot)).Append("</h2>");
        if (sections.Count == 0)
        {
            return html.Append("<p>").Append(ui.TE("web.pulse.slot_empty." + slot)).Append("</p></section>").ToString();
        }

        var n = 0;
        foreach (var section in sections)
        {
            if (section.Lead is { } lead)
            {
                html.Append("<p class=\"lead\">").Append(WebUi.E(lead)).Append("</p>");
            }

            foreach (var chart in section.Charts)
            {
                var id = $"{slot}-{n++}";
                var bars = chart.Bars.Select((b, i) => (b.Label, b.Value, ChartRules.Nth(i))).ToList();
                html.Append("<h3>").Append(WebUi.E(chart.Title)).Append("</h3>").Append(SvgChart.HorizontalBars(id, chart.Title, chart.Title, bars, ui.Culture, chart.ValueFormat, chart.Max))
                    .Append(Table(ui, [ui.T("web.pulse.item"), ui.T("web.pulse.value")], chart.Bars.Select(b => (IReadOnlyList<string>)[b.Label, ChartRules.Number(b.Value, chart.ValueFormat, ui.Culture)])));
            }

            if (section.Table is { } t)
            {
                html.Append("<div class=\"table-wrap\">").Append(PlainTable(t.Headers, t.Rows)).Append("</div>");
            }
        }

        return html.Append("</section>").ToString();
    }

    /// <summary>
    /// How long residents wait, per category: the median days from a report to its first status change, and to its
    /// resolution, over the reports of the period (each median with the number of reports it is taken over).
    /// </summary>
    private static string ResponseTimes(WebUi ui, IReadOnlyList<Report> reports)
    {
        var rows = Categories.All.Select(c =>
        {
            var mine = reports.Where(r => r.Category == c).ToList();
            var first = mine.Select(r => r.History.Count == 0 ? (double?)null : (r.History.Min(h => h.At) - r.CreatedAt).TotalDays).OfType<double>().ToList();
            var resolved = mine.Select(r => r.History.Where(h => h.To == ReportStatus.Resolved).Select(h => (double?)(h.At - r.CreatedAt).TotalDays).FirstOrDefault()).OfType<double>().ToList();
            return (Category: c, First: Median(first), FirstN: first.Count, Resolved: Median(resolved), ResolvedN: resolved.Count);
        }).Where(x => x.FirstN > 0).ToList();

        var title = ui.T("web.pulse.response");
        var html = new StringBuilder("<section aria-labelledby=\"h-response\"><h2 id=\"h-response\">").Append(WebUi.E(title)).Append("</h2>");
        if (rows.Count == 0)
        {
            return html.Append("<p>").Append(ui.TE("web.pulse.response_none")).Append("</p></section>").ToString();
        }

        var firstTitle = ui.T("web.pulse.response_first");
        var resolvedTitle = ui.T("web.pulse.response_resolved");
        html.Append("<h3>").Append(WebUi.E(firstTitle)).Append("</h3>")
            .Append(SvgChart.HorizontalBars("response-first", firstTitle, ui.T("web.pulse.response_desc"), [.. rows.Select(r => (ReportPresenter.Category(ui, r.Category), r.First, Categories.Colour(r.Category)))], ui.Culture, "0.0"));
        var withResolution = rows.Where(r => r.ResolvedN > 0).ToList();
        if (withResolution.Count > 0)
        {
            html.Append("<h3>").Append(WebUi.E(resolvedTitle)).Append("</h3>")
                .Append(SvgChart.HorizontalBars("response-resolved", resolvedTitle, ui.T("web.pulse.response_desc"), [.. withResolution.Select(r => (ReportPresenter.Category(ui, r.Category), r.Resolved, Categories.Colour(r.Category)))], ui.Culture, "0.0"));
        }

        html.Append(Table(ui, [ui.T("web.field.category"), firstTitle, ui.T("web.pulse.reports_n"), resolvedTitle, ui.T("web.pulse.reports_n")], rows.Select(r => (IReadOnlyList<string>)
        [
            ReportPresenter.Category(ui, r.Category),
            ChartRules.Number(r.First, "0.0", ui.Culture),
            Num(ui, r.FirstN),
            r.ResolvedN > 0 ? ChartRules.Number(r.Resolved, "0.0", ui.Culture) : "–",
            Num(ui, r.ResolvedN),
        ])));
        return html.Append("</section>").ToString();
    }

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

    private static string Num(WebUi ui, double value) => ChartRules.Number(value, "0.##", ui.Culture);

    private static string Section(WebUi ui, string id, string title, string chart, string table) =>
        $"<section aria-labelledby=\"h-{id}\"><h2 id=\"h-{id}\">{WebUi.E(title)}</h2>{chart}{table}</section>";

    /// <summary>The chart's numbers right after it, for screen readers and anyone who wants them exactly.</summary>
    private static string Table(WebUi ui, IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows) =>
        $"<div class=\"table-wrap chart-table\">{PlainTable(headers, rows, ui.T("web.pulse.as_table"))}</div>";

    private static string PlainTable(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows, string? caption = null)
    {
        var html = new StringBuilder("<table>");
        if (caption is not null)
        {
            html.Append("<caption>").Append(WebUi.E(caption)).Append("</caption>");
        }

        html.Append("<thead><tr>");
        foreach (var h in headers)
        {
            html.Append("<th scope=\"col\">").Append(WebUi.E(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            html.Append("<tr>");
            for (var i = 0; i < row.Count; i++)
            {
                html.Append(i == 0 ? "<th scope=\"row\">" : "<td>").Append(WebUi.E(row[i])).Append(i == 0 ? "</th>" : "</td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table>").ToString();
    }
}
