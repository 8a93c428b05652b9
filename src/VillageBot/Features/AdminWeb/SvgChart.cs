using System.Globalization;
using System.Text;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// Charts as inline SVG: no script, no image request, sharp on a phone, and readable by screen readers
/// through a title and description (each chart on a page also has its numbers as a table).
/// </summary>
public static class SvgChart
{
    /// <summary>Okabe–Ito colours (safe for colour-blind readers), with dark grey and a brown for the ninth.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#555555", "#8C564B"];

    private const string Ink = "#1a1a1a";
    private const string Grid = "#d0d0d0";

    public sealed record Series(string Name, string Color, IReadOnlyList<int> Values);

    /// <summary>One column per period, its series stacked; a legend follows as an HTML list.</summary>
    public static string StackedColumns(string id, string title, string description, IReadOnlyList<string> periods, IReadOnlyList<Series> series)
    {
        const int width = 720, height = 300, left = 44, right = 10, top = 16, bottom = 44;
        var totals = periods.Select((_, i) => series.Sum(s => s.Values[i])).ToList();
        var (max, step) = Scale(totals.DefaultIfEmpty(0).Max());
        var plotW = width - left - right;
        var plotH = height - top - bottom;
        var band = plotW / (double)Math.Max(1, periods.Count);
        var svg = Open(id, width, height, title, description);

        for (var v = 0; v <= max; v += step)
        {
            var y = top + plotH - (v / (double)max * plotH);
            svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{F(y)}\" y2=\"{F(y)}\" stroke=\"{Grid}\" stroke-width=\"1\"/>")
                .Append($"<text x=\"{left - 6}\" y=\"{F(y + 4)}\" text-anchor=\"end\" font-size=\"14\" fill=\"{Ink}\">{v}</text>");
        }

        for (var i = 0; i < periods.Count; i++)
        {
            var x = left + (i * band) + (band * 0.15);
            var w = band * 0.7;
            var baseY = (double)(top + plotH);
            foreach (var s in series.Where(s => s.Values[i] > 0))
            {
                var h = s.Values[i] / (double)max * plotH;
                baseY -= h;
                svg.Append($"<rect x=\"{F(x)}\" y=\"{F(baseY)}\" width=\"{F(w)}\" height=\"{F(h)}\" fill=\"{s.Color}\" stroke=\"#ffffff\" stroke-width=\"0.5\"><title>{WebUi.E(periods[i])} · {WebUi.E(s.Name)}: {s.Values[i]}</title></rect>");
            }

            if (totals[i] > 0)
            {
                svg.Append($"<text x=\"{F(x + (w / 2))}\" y=\"{F(baseY - 4)}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{Ink}\">{totals[i]}</text>");
            }

            svg.Append($"<text x=\"{F(x + (w / 2))}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\" font-size=\"14\" fill=\"{Ink}\">{WebUi.E(periods[i])}</text>");
        }

        svg.Append($"<line x1=\"{left}\" x2=\"{width - right}\" y1=\"{top + plotH}\" y2=\"{top + plotH}\" stroke=\"{Ink}\" stroke-width=\"1\"/></svg></div>");
        return svg.Append(Legend(series.Where(s => s.Values.Sum() > 0).Select(s => (s.Name, s.Color)))).ToString();
    }

    /// <summary>One labelled horizontal bar per item with its value at the end.</summary>
    public static string HorizontalBars(string id, string title, string description, IReadOnlyList<(string Label, double Value, string Color)> bars, string valueFormat = "0")
    {
        const int width = 720, labelW = 250, row = 30, top = 8, right = 60;
        var height = top + (bars.Count * row) + 8;
        var max = Math.Max(1e-9, bars.Select(b => b.Value).DefaultIfEmpty(0).Max());
        var svg = Open(id, width, height, title, description);
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, color) = bars[i];
            var y = top + (i * row);
            var w = value / max * (width - labelW - right);
            var shown = value.ToString(valueFormat, CultureInfo.InvariantCulture);
            svg.Append($"<text x=\"{labelW - 8}\" y=\"{y + 19}\" text-anchor=\"end\" font-size=\"15\" fill=\"{Ink}\">{WebUi.E(Shorten(label, 34))}<title>{WebUi.E(label)}</title></text>")
                .Append($"<rect x=\"{labelW}\" y=\"{y + 4}\" width=\"{F(Math.Max(w, value > 0 ? 2 : 0))}\" height=\"{row - 8}\" fill=\"{color}\"><title>{WebUi.E(label)}: {shown}</title></rect>")
                .Append($"<text x=\"{F(labelW + w + 6)}\" y=\"{y + 19}\" font-size=\"15\" fill=\"{Ink}\">{shown}</text>");
        }

        return svg.Append("</svg></div>").ToString();
    }

    /// <summary>A round maximum and a step giving at most about five grid lines.</summary>
    public static (int Max, int Step) Scale(int largest)
    {
        if (largest <= 0)
        {
            return (1, 1);
        }

        var rough = Math.Max(1, (int)Math.Ceiling(largest / 5.0));
        var magnitude = (int)Math.Pow(10, Math.Floor(Math.Log10(rough)));
        var step = new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough);
        return ((int)Math.Ceiling(largest / (double)step) * step, step);
    }

    /// <summary>On a narrow phone the chart keeps a readable size and scrolls sideways inside its box.</summary>
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

    private static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");

    private static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
