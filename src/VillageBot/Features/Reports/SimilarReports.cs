using VillageBot.Features.Onboarding;

namespace VillageBot.Features.Reports;

/// <summary>
/// Finds open reports that probably describe the same problem: same village and category, and enough shared
/// words once diacritics are folded and common Latvian, Russian and English endings are cut ("bedrēm", "bedres"
/// and "bedre" meet), measured as the Jaccard overlap of the two sets of stems.
/// </summary>
public static class SimilarReports
{
    public const double Threshold = 0.2;

    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        // Latvian (folded)
        "un", "uz", "pie", "par", "bet", "vai", "tas", "ta", "tie", "mes", "man", "mums", "jus", "vins", "vina", "ir", "bija", "bus",
        "jau", "vel", "kas", "kur", "kad", "ari", "tik", "lai", "jo", "ka", "no", "ar", "pa", "ap", "aiz", "pec", "lidz", "musu", "sava", "savs",
        "sis", "si", "so", "seit", "tur", "loti", "kaut", "ne", "nu", "ja", "vien", "visu", "visi", "ludzu", "sveiki", "labdien", "ciema", "ciemata",
        // English
        "the", "and", "are", "was", "were", "for", "our", "there", "this", "that", "with", "have", "has", "not", "but", "from", "its", "again",
        "please", "hello", "village", "very", "still", "some", "any", "all", "been", "they", "them", "you", "your",
        // Russian (folded)
        "и", "в", "во", "на", "не", "нет", "у", "нас", "что", "это", "с", "со", "по", "к", "за", "от", "до", "из", "как", "так", "уже",
        "еще", "опять", "снова", "очень", "все", "мы", "наш", "наши", "нашеи", "они", "его", "ее", "там", "тут", "здесь", "пожалуиста",
        "здравствуите", "деревне", "деревня", "поселке",
    };

    // Longest first, so "iem" is cut before "m".
    private static readonly string[] Endings =
    [
        "iem", "ings", "ing", "ies", "ied", "ami", "ями", "ого", "его", "ому", "ему", "ыми", "ими", "ах", "ях", "ам", "ям",
        "ом", "ем", "ов", "ев", "ая", "яя", "ое", "ее", "ые", "ие", "ои", "еи", "ии", "ыи", "am", "em", "im", "um", "os", "as", "es", "is",
        "us", "ai", "ei", "ie", "ed", "ly", "a", "e", "i", "s", "u", "o", "y", "а", "я", "о", "е", "ы", "и", "у", "ю", "ь",
    ];

    /// <summary>Up to <paramref name="max"/> open reports of the village in the category, most similar first.</summary>
    public static IReadOnlyList<Report> Find(ReportStore store, int villageId, string category, string text, long excludeUserId, int max = 3)
    {
        var stems = Stems(text);
        if (stems.Count == 0)
        {
            return [];
        }

        return [.. store.OpenInCategory(villageId, category)
            .Where(r => r.ReporterId != excludeUserId && !r.Supporters.Contains(excludeUserId))
            .Select(r => (Report: r, Score: Jaccard(stems, Stems(r.Text))))
            .Where(x => x.Score >= Threshold)
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

    public static IReadOnlySet<string> Stems(string text)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        var folded = VillageDirectory.Fold(text);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var word = folded[start..i];
                start = -1;
                if (word.Length >= 3 && !StopWords.Contains(word))
                {
                    stems.Add(Stem(word));
                }
            }
        }

        return stems;
    }

    /// <summary>Cuts one common ending (keeping at least three letters) and keeps at most six letters.</summary>
    public static string Stem(string word)
    {
        foreach (var ending in Endings)
        {
            if (word.Length - ending.Length >= 3 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                word = word[..^ending.Length];
                break;
            }
        }

        return word.Length > 6 ? word[..6] : word;
    }
}
