using System.Globalization;
using ScottPlot;

namespace VillageBot.Infrastructure.Charts;

/// <summary>
/// Renders simple horizontal bar charts to PNG, without a display, for chat messages. Colours, the axis from 0 (to a
/// measure's own end when it has one) and numbers in the reader's language follow <see cref="ChartRules"/>, as the web's charts do.
/// </summary>
public static class BarChart
{
    /// <summary>One bar per label, longest labels kept readable; values are drawn at the end of each bar.</summary>
    /// <param name="max">The end of the measure's own scale (3 for confidence, 100 for percent, a poll's voters); null: the largest value, rounded up.</param>
    /// <param name="colours">A colour per bar (a category's colour); null: the palette in order.</param>
    public static byte[] Render(string title, IReadOnlyList<(string Label, double Value)> bars, int width = 800, string? valueFormat = "0.#",
        CultureInfo? culture = null, double? max = null, IReadOnlyList<string>? colours = null)
    {
        culture ??= CultureInfo.InvariantCulture;
        var plot = new Plot();
        plot.Title(title);
        var items = bars.Reverse().ToList();
        var list = new List<Bar>();
        for (var i = 0; i < items.Count; i++)
        {
            var n = items.Count - 1 - i;
            list.Add(new Bar
            {
                Position = i,
                Value = items[i].Value,
                FillColor = Color.FromHex(colours is { } c && n < c.Count ? c[n] : ChartRules.Nth(n)),
                Label = valueFormat is null ? "" : ChartRules.Number(items[i].Value, valueFormat, culture),
                Orientation = Orientation.Horizontal,
            });
        }

        var barPlot = plot.Add.Bars(list);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 16;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, items.Count).Select(i => (double)i)], [.. items.Select(b => ChartRules.Shorten(b.Label, 40))]);
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.MajorTickStyle.Length = 0;

        // The value axis runs from 0 to the measure's end (or a round number above the largest bar), with room for the labels.
        var axis = ChartRules.Axis(items.Select(b => b.Value).DefaultIfEmpty(0).Max(), max);
        var ticks = ChartRules.Ticks(axis);
        plot.Axes.Bottom.SetTicks([.. ticks], [.. ticks.Select(t => ChartRules.Number(t, "0.##", culture))]);
        plot.Axes.Bottom.TickLabelStyle.FontSize = 14;
        plot.Axes.SetLimitsX(0, axis.Max * 1.12);
        plot.Axes.SetLimitsY(-0.6, items.Count - 0.4);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        var height = Math.Max(240, 90 + (items.Count * 42));
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }
}
