using System.Globalization;

namespace VillageBot.Infrastructure.Charts;

/// <summary>
/// One palette and one set of rules for every chart, the web's SVG and the chat's PNG images alike: a thing keeps
/// its colour wherever it is drawn, axes start at 0, a measure with a scale of its own (0–3, 0–100 %) is drawn on
/// that whole scale, and numbers are written as the reader's language writes them ("1,0" in Latvian and Russian).
/// </summary>
public static class ChartRules
{
    /// <summary>Okabe–Ito colours (safe for colour-blind readers), then dark grey, brown and a dark teal.</summary>
    public static readonly IReadOnlyList<string> Palette =
        ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#555555", "#8C564B", "#17606A"];

    /// <summary>The colour of <paramref name="key"/> by its place in a fixed list (categories, pillars, statuses), the same on every chart.</summary>
    public static string ColourOf(IReadOnlyList<string> keys, string key) => Nth(Math.Max(0, IndexOf(keys, key)));

    /// <summary>The colour of the n-th item of a list without fixed keys (a poll's options, quiz topics).</summary>
    public static string Nth(int n) => Palette[n % Palette.Count];

    /// <summary>
    /// The axis for values up to <paramref name="largest"/>: from 0 to <paramref name="fixedMax"/> when the measure has
    /// a scale of its own, otherwise to a round number; never below 1, so that an empty chart does not run from −1 to 1.
    /// </summary>
    public static (double Max, double Step) Axis(double largest, double? fixedMax = null)
    {
        if (fixedMax is > 0 and var max)
        {
            return (max, Whole(max, NiceStep(max / 5)));
        }

        if (largest <= 0)
        {
            return (1, 1);
        }

        var step = Whole(largest, NiceStep(largest / 5));
        return (Math.Ceiling(largest / step) * step, step);
    }

    /// <summary>The grid values of an axis: 0, step, 2·step … max.</summary>
    public static IReadOnlyList<double> Ticks((double Max, double Step) axis)
    {
        var ticks = new List<double>();
        for (var i = 0; i * axis.Step <= axis.Max + 1e-9; i++)
        {
            ticks.Add(Math.Round(i * axis.Step, 6));
        }

        return ticks;
    }

    /// <summary>A value in the reader's language: 1,5 in Latvian and Russian, 1.5 in English.</summary>
    public static string Number(double value, string format, CultureInfo culture) => value.ToString(format, culture);

    /// <summary>A label cut to <paramref name="max"/> characters, ending with "…" when it was longer.</summary>
    public static string Shorten(string s, int max) => s.Length <= max ? s : string.Concat(s.AsSpan(0, max - 1), "…");

    /// <summary>1, 2 or 5 times a power of ten: the smallest at least <paramref name="rough"/>.</summary>
    private static double NiceStep(double rough)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        return new[] { 1, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= rough - 1e-12);
    }

    /// <summary>Axes reaching 1 or more step by whole numbers (no "0,2 reports").</summary>
    private static double Whole(double max, double step) => max >= 1 && step < 1 ? 1 : step;

    private static int IndexOf(IReadOnlyList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (keys[i] == key)
            {
                return i;
            }
        }

        return -1;
    }
}
