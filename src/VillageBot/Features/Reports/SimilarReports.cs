using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Reports;

/// <summary>
/// Finds open reports that probably describe the same problem: same village, and enough shared words once
/// diacritics are folded and words are stemmed in the report's language ("bedrēm", "bedres" and "bedre" meet),
/// measured as the Jaccard overlap of the two sets of stems. The search runs before the resident has chosen a
/// category, so reports of every category are candidates: in the classifier's proposed category
/// <see cref="Threshold"/> is enough, elsewhere (the proposal may be wrong, or the earlier report was relabelled)
/// the texts must share more, <see cref="OtherCategoryThreshold"/>.
/// </summary>
public static class SimilarReports
{
    public const double Threshold = 0.2;

    public const double OtherCategoryThreshold = 0.35;

    /// <summary>Greetings and the place itself: every report of a village may say them.</summary>
    private static readonly HashSet<string> Common = new(StringComparer.Ordinal)
    {
        "sveiki", "labdien", "ciema", "ciemata", "ciems", "village", "hello", "здравствуйте", "деревне", "деревня", "поселке",
    };

    /// <summary>Up to <paramref name="max"/> open reports of the village, most similar first.</summary>
    public static IReadOnlyList<Report> Find(ReportStore store, int villageId, string? proposedCategory, string text, long excludeUserId, int max = 3)
    {
        var stems = Stems(text);
        if (stems.Count == 0)
        {
            return [];
        }

        return [.. store.OpenInVillage(villageId)
            .Where(r => r.ReporterId != excludeUserId && !r.Supporters.Contains(excludeUserId))
            .Select(r => (Report: r, Score: Jaccard(stems, Stems(r.Text))))
            .Where(x => x.Score >= (x.Report.Category == proposedCategory ? Threshold : OtherCategoryThreshold))
            .OrderByDescending(x => x.Score)
            .ThenByDescending(x => x.Report.Supporters.Count)
            .Take(max)
            .Select(x => x.Report)];
    }

    public static double Jaccard(IReadOnlySet<string> a, IReadOnlySet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var shared = a.Count(b.Contains);
        return (double)shared / (a.Count + b.Count - shared);
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
