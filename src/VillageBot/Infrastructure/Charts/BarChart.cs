using ScottPlot;

namespace VillageBot.Infrastructure.Charts;

/// <summary>Renders simple horizontal bar charts to PNG, without a display, for chat messages and web pages.</summary>
public static class BarChart
{
    /// <summary>One bar per label, longest labels kept readable; values are drawn at the end of each bar.</summary>
    public static byte[] Render(string title, IReadOnlyList<(string Label, double Value)> bars, int width = 800, string? valueFormat = "0.#")
    {
        var plot = new Plot();
        plot.Title(title);
        var palette = new ScottPlot.Palettes.Category10();
        var items = bars.Reverse().ToList();
        var list = new List<Bar>();
        for (var i = 0; i < items.Count; i++)
        {
            list.Add(new Bar
            {
                Position = i,
                Value = items[i].Value,
                FillColor = palette.GetColor(items.Count - 1 - i),
                Label = valueFormat is null ? "" : items[i].Value.ToString(valueFormat, System.Globalization.CultureInfo.InvariantCulture),
                Orientation = Orientation.Horizontal,
            });
        }

        var barPlot = plot.Add.Bars(list);
        barPlot.Horizontal = true;
        barPlot.ValueLabelStyle.FontSize = 16;
        plot.Axes.Left.SetTicks([.. Enumerable.Range(0, items.Count).Select(i => (double)i)], [.. items.Select(b => Shorten(b.Label, 40))]);
        plot.Axes.Left.TickLabelStyle.FontSize = 16;
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Axes.Margins(left: 0, right: 0.15, bottom: 0.02, top: 0.02);
        plot.Grid.YAxisStyle.MajorLineStyle.Width = 0;
        var height = Math.Max(240, 90 + (items.Count * 42));
        return plot.GetImageBytes(width, height, ImageFormat.Png);
    }

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
