using System.Globalization;

namespace VillageBot.Features.AdminWeb;

/// <summary>The greys of the web's SVG charts (their colours are <see cref="Infrastructure.Charts.ChartRules"/>'), and coordinates as SVG writes them.</summary>
public static class SvgInk
{
    public const string Text = "#1a1a1a";
    public const string Grid = "#d0d0d0";
    public const string Track = "#eef0f2";

    public static string F(double v) => v.ToString("0.#", CultureInfo.InvariantCulture);
}
