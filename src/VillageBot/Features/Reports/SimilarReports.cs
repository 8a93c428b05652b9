using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Reports;

/// <summary>
/// Finds open reports that probably describe the same problem: same village, and enough shared words once
/// diacritics are folded and words are stemmed in the report's language ("bedrēm", "bedres" and "bedre" meet),
/// measured as the Jaccard overlap of the two sets of stems. The search runs before the resident has chosen a
/// category, so reports of every category are candidates: in the classifier's proposed category
/// <see cref="Threshold"/> is enough, elsewhere (the proposal may be wrong, or the earlier report was relabelled)
/// the texts must share more, <see cref="OtherCategoryThreshold"/>. When both reports have a location, the place
/// weighs too, as on FixMyStreet's map (<see cref="SimilarReportOptions"/>): within NearMeters a report of the
/// proposed category or one sharing a few words is the same problem, and beyond FarMeters none is.
/// </summary>
public static class SimilarReports
{
    public const double Threshold = 0.2;

    public const double OtherCategoryThreshold = 0.35;

    /// <summary>The overlap that is enough between two reports at the same place ("lamp out" and "street light broken" rarely share more).</summary>
    public const double NearThreshold = 0.1;

    /// <summary>How many reports' stems are kept (bounded: a few megabytes).</summary>
    private const int MaxKeptStems = 20_000;

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, IReadOnlySet<string>> ReportStems = new(StringComparer.Ordinal);

    /// <summary>Greetings and the place itself: every report of a village may say them.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "sveiki", "labdien", "ciema", "ciemata", "ciems", "village", "hello", "здравствуйте", "деревне", "деревня", "поселке",
    };

    /// <summary>Up to <paramref name="max"/> open reports of the village, most similar first (those at the same place before others).</summary>
    public static IReadOnlyList<Report> Find(ReportStore store, int villageId, string? proposedCategory, string text, long excludeUserId, int max = 3) =>
        Find(store, villageId, proposedCategory, text, excludeUserId, null, new SimilarReportOptions(), max);

    /// <inheritdoc cref="Find(ReportStore, int, string?, string, long, int)"/>
    public static IReadOnlyList<Report> Find(ReportStore store, int villageId, string? proposedCategory, string text, long excludeUserId, GeoPoint? place, SimilarReportOptions options, int max = 3)
    {
        var stems = Stems(text);
        if (stems.Count == 0 && place is null)
        {
            return [];
        }

        return [.. store.OpenInVillage(villageId)
            .Where(r => r.ReporterId != excludeUserId && !r.Supporters.Contains(excludeUserId))
            .Select(r => (Report: r, Score: Jaccard(stems, StemsOfReport(r.Text)), Meters: Meters(place, r)))
            .Where(x => x.Meters switch
            {
                double m when m > options.FarMeters => false,
                double m when m <= options.NearMeters => x.Report.Category == proposedCategory || x.Score >= NearThreshold,
                _ => x.Score >= (x.Report.Category == proposedCategory ? Threshold : OtherCategoryThreshold),
            })
            .OrderByDescending(x => x.Meters <= options.NearMeters)
            .ThenByDescending(x => x.Score)
            .ThenByDescending(x => x.Report.Supporters.Count)
            .Take(max)
            .Select(x => x.Report)];
    }

    /// <summary>Metres between the place and the report, or null when either has no location.</summary>
    public static double? Meters(GeoPoint? place, Report report) =>
        place is { } p && report.Latitude is double lat && report.Longitude is double lon ? GeoPoint.Meters(p, new GeoPoint(lat, lon)) : null;

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
    }

    /// <summary>A stored report's stems, kept: every new report is compared with all open ones of its village.</summary>
    private static IReadOnlySet<string> StemsOfReport(string text)
    {
        if (ReportStems.TryGetValue(text, out var stems))
        {
            return stems;
        }

        stems = Stems(text);
        if (ReportStems.Count >= MaxKeptStems)
        {
            ReportStems.Clear();
        }

        ReportStems[text] = stems;
        return stems;
    }

    /// <summary>
    /// The stems of the words of three or more letters that are not function words in any of the three languages
    /// (people mix them), in the text's guessed language.
    /// </summary>
    public static IReadOnlySet<string> Stems(string text)
    {
        var words = Folding.FoldedWords(text).Where(w => w.Length >= 3 && !Common.Contains(w) && !StopWords.IsStopInAnyLanguage(w));
        return new HashSet<string>(Stemming.Stems(string.Join(' ', words), LanguageDetector.Detect(text)), StringComparer.Ordinal);
    }
}

/// <summary>A place on the map, in degrees.</summary>
public readonly record struct GeoPoint(double Latitude, double Longitude)
{
    /// <summary>Great-circle distance in metres (haversine).</summary>
    public static double Meters(GeoPoint a, GeoPoint b)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(b.Latitude - a.Latitude);
        var dLon = Rad(b.Longitude - a.Longitude);
        var h = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(a.Latitude)) * Math.Cos(Rad(b.Latitude)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 6_371_000 * 2 * Math.Atan2(Math.Sqrt(h), Math.Sqrt(1 - h));
    }
}
