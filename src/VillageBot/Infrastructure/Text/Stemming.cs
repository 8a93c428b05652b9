using Lucene.Net.Analysis;

namespace VillageBot.Infrastructure.Text;

/// <summary>
/// Reduces the words of a text to stems with the language's analyzer of <see cref="TextAnalysis"/>, so that "bedres",
/// "bedrēm" and "bedri" (or "ямы", "ямой") become one. Latvian gives the stem of the folded word, so text typed
/// without diacritics gives the same stems; Russian is stemmed with "й" in place.
/// </summary>
public static class Stemming
{
    private static readonly Analyzer Latvian = TextAnalysis.Standard("lv");
    private static readonly Analyzer Russian = TextAnalysis.Standard("ru");
    private static readonly Analyzer English = TextAnalysis.Standard("en");

    /// <summary>One stem per word that is not a standard function word of the language.</summary>
    public static IReadOnlyList<string> Stems(string text, string lang) =>
        [.. TextAnalysis.Terms(lang switch { "ru" => Russian, "en" => English, _ => Latvian }, text).Select(p => p[^1])];

    /// <summary>The stems of a text in its guessed language.</summary>
    public static IReadOnlyList<string> Stems(string text) => Stems(text, LanguageDetector.Detect(text));
}
