namespace VillageBot.Features.Reports;

/// <summary>The fixed problem categories and the pillar of the "meaningful vision" each belongs to.</summary>
public static class Categories
{
    public static readonly IReadOnlyList<string> All =
        ["transport", "digital", "services", "community", "governance", "economy", "energy", "environment", "safety"];

    public static readonly IReadOnlyDictionary<string, string> Pillar = new Dictionary<string, string>
    {
        ["transport"] = "connected",
        ["digital"] = "connected",
        ["services"] = "stronger",
        ["community"] = "stronger",
        ["governance"] = "stronger",
        ["economy"] = "prosperous",
        ["energy"] = "prosperous",
        ["environment"] = "resilient",
        ["safety"] = "resilient",
    };

    public static readonly IReadOnlyList<string> Pillars = ["stronger", "prosperous", "connected", "resilient"];

    public static bool IsKnown(string? id) => id is not null && Pillar.ContainsKey(id);

    /// <summary>Text key of a category's localised label: "category.transport".</summary>
    public static string LabelKey(string id) => "category." + id;

    public static string PillarKey(string pillar) => "pillar." + pillar;

    /// <summary>A category's colour, the same on every chart and on the map.</summary>
    public static string Colour(string id) => VillageBot.Infrastructure.Charts.ChartRules.ColourOf(All, id);

    /// <summary>A pillar's colour, the same on every chart.</summary>
    public static string PillarColour(string pillar) => VillageBot.Infrastructure.Charts.ChartRules.ColourOf(Pillars, pillar);
}
