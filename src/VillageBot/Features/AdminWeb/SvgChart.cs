using System.Globalization;
using System.Text;
using VillageBot.Infrastructure.Charts;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// Charts as inline SVG: no script, no image request, sharp on a phone, and readable by screen readers
/// through a title and description (each chart on a page is followed by its numbers as a table).
/// Colours, axes and number formats follow <see cref="ChartRules"/>, as the chat's chart images do.
/// </summary>
public static class SvgChart
{
    private const string Ink = "#1a1a1a";
    private const string Grid = "#d0d0d0";
    private const string Track = "#eef0f2";

    public sealed record Series(string Name, string Color, IReadOnlyList<int> Values);

    /// <summary>One column per period, its series stacked, on an axis from 0; a legend follows as an HTML list.</summary>
    public static string StackedColumns(string id, string title, string description, IReadOnlyList<string> periods, IReadOnlyList<Series> series, CultureInfo culture)
    {
        const int width = 480, left = 36, right = 6, top = 20, plotH = 200;

        // Month or week labels are turned upwards, so that twelve of them never run into each other.
        var bottom = periods.Count > 6 ? 64 : 28;
        var height = top + plotH + bottom;
        var totals = periods.Select((_, i) => series.Sum(s => s.Values[i])).ToList();
        var axis = ChartRules.Axis(totals.DefaultIfEmpty(0).Max());
        var plotW = width - left - right;
        var band = plotW / (double)Math.Max(1, periods.Count);
        var svg = Open(id, width, height, title, description);
        double Y(double v) => top + plotH - (v / axis.Max * plotH);

        foreach (var v in ChartRules.Ticks(axis))
        {
            svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(Y(v))}\" y2=\"{F(Y(v))}\" stroke=\"{Grid}\" stroke-width=\"1\"/>")
                .Append($"<text x=\"{left - 5}\" y=\"{F(Y(v) + 5)}\" text-anchor=\"end\" font-size=\"14\" fill=\"{Ink}\">{ChartRules.Number(v, "0.##", culture)}</text>");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            var x = left + (i * band) + (band * 0.12);
            var w = band * 0.76;
            var baseY = (double)(top + plotH);
            foreach (var s in series.Where(s => s.Values[i] > 0))
            {
                var h = s.Values[i] / axis.Max * plotH;
                baseY -= h;
                svg.Append($"<rect x=\"{F(x)}\" y=\"{F(baseY)}\" width=\"{F(w)}\" height=\"{F(h)}\" fill=\"{s.Color}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{WebUi.E(periods[i])} · {WebUi.E(s.Name)}: {s.Values[i]}</title></rect>");
            }

            if (totals[i] > 0)
            {
                svg.Append($"<text x=\"{F(x + (w / 2))}\" y=\"{F(baseY - 4)}\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Ink}\">{totals[i]}</text>");
            }

            var cx = x + (w / 2);
            var ly = top + plotH + 16;
            svg.Append(periods.Count > 6
                ? $"<text x=\"{F(cx + 4)}\" y=\"{ly}\" text-anchor=\"end\" font-size=\"13\" fill=\"{Ink}\" transform=\"rotate(-45 {F(cx + 4)} {ly})\">{WebUi.E(periods[i])}</text>"
                : $"<text x=\"{F(cx)}\" y=\"{ly}\" text-anchor=\"middle\" font-size=\"13\" fill=\"{Ink}\">{WebUi.E(periods[i])}</text>");
        }

        svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{top + plotH}\" y2=\"{top + plotH}\" stroke=\"{Ink}\" stroke-width=\"1\"/></svg></div>");
        return svg.Append(Legend(series.Where(s => s.Values.Sum() > 0).Select(s => (s.Name, s.Color)))).ToString();
    }

    /// <summary>
    /// One horizontal bar per item, its label above it (never clipped) and its value at its end, over a light track
    /// that stands for the whole axis: from 0 to <paramref name="max"/> when the measure has a scale of its own.
    /// </summary>
    public static string HorizontalBars(string id, string title, string description, IReadOnlyList<(string Label, double Value, string Color)> bars, CultureInfo culture, string valueFormat = "0", double? max = null)
    {
        const int width = 480, left = 4, right = 60, top = 4, row = 44, barH = 16;
        var plotW = width - left - right;
        var axis = ChartRules.Axis(bars.Select(b => b.Value).DefaultIfEmpty(0).Max(), max);
        var ticks = ChartRules.Ticks(axis);
        var plotBottom = top + (bars.Count * row);
        var height = plotBottom + 22;
        var svg = Open(id, width, height, title, description);
        double X(double v) => left + (Math.Clamp(v, 0, axis.Max) / axis.Max * plotW);

        foreach (var v in ticks)
        {
            svg.Append($"<line x1=\"{F(X(v))}\" x2=\"{F(X(v))}\" y1=\"{top}\" y2=\"{plotBottom}\" stroke=\"{Grid}\" stroke-width=\"1\"/>")
                .Append($"<text x=\"{F(X(v))}\" y=\"{plotBottom + 16}\" text-anchor=\"{(v == 0 ? "start" : v >= axis.Max ? "end" : "middle")}\" font-size=\"13\" fill=\"{Ink}\">{ChartRules.Number(v, "0.##", culture)}</text>");
        }

        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, color) = bars[i];
            var y = top + (i * row);
            var w = X(value) - left;
            var shown = ChartRules.Number(value, valueFormat, culture);
            svg.Append($"<text x=\"{left}\" y=\"{y + 16}\" font-size=\"15\" fill=\"{Ink}\">{WebUi.E(ChartRules.Shorten(label, 58))}<title>{WebUi.E(label)}</title></text>")
                .Append($"<rect class=\"track\" x=\"{left}\" y=\"{y + 22}\" width=\"{plotW}\" height=\"{barH}\" fill=\"{Track}\"/>")
                .Append($"<rect class=\"bar\" x=\"{left}\" y=\"{y + 22}\" width=\"{F(Math.Max(w, value > 0 ? 2 : 0))}\" height=\"{barH}\" fill=\"{color}\"><title>{WebUi.E(label)}: {shown}</title></rect>")
                .Append($"<text x=\"{F(left + plotW + 6)}\" y=\"{y + 35}\" font-size=\"15\" fill=\"{Ink}\">{shown}</text>");
        }

        return svg.Append("</svg></div>").ToString();
    }

    private static StringBuilder Open(string id, int width, int height, string title, string description) =>
        new StringBuilder("<div class=\"chart-wrap\">").Append($"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-labelledby=\"{id}-t {id}-d\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"system-ui, sans-serif\">")
            .Append($"<title id=\"{id}-t\">{WebUi.E(title)}</title><desc id=\"{id}-d\">{WebUi.E(description)}</desc>");

    private static string Legend(IEnumerable<(string Name, string Color)> items)
    {
        var html = new StringBuilder("<ul class=\"legend\">");
        foreach (var (name, color) in items)
        {
            html.Append($"<li><svg width=\"14\" height=\"14\" aria-hidden=\"true\"><rect width=\"14\" height=\"14\" fill=\"{color}\"/></svg> {WebUi.E(name)}</li>");
        }

        return html.Append("</ul>").ToString();
    }

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
