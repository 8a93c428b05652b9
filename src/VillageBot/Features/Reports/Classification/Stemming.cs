using System.Text.RegularExpressions;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Lv;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// Reduces the words of a report to stems with Lucene's Latvian, Russian and English analyzers, so that "bedres",
/// "bedrēm" and "bedri" (or "ямы", "ямой") become one feature. Latvian is folded before stemming, so text typed without
/// diacritics gives the same stems; Russian is stemmed first (the stemmer needs "й") and folded after.
/// Lucene analyzers reuse their token streams per thread, so one instance serves all threads.
/// </summary>
public static partial class Stemming
{
    private const LuceneVersion Version = LuceneVersion.LUCENE_48;

    private static readonly Analyzer Latvian = new LatvianAnalyzer(Version, FoldedSet(LatvianAnalyzer.DefaultStopSet));

    private static readonly Analyzer Russian = new RussianAnalyzer(Version);

    private static readonly Analyzer English = new EnglishAnalyzer(Version);

    public static IReadOnlyList<string> Stems(string text, string lang) => lang switch
    {
        "ru" => [.. Analyze(Russian, text.ToLowerInvariant().Replace('ё', 'е')).Select(TextFolding.Fold)],
        "en" => Analyze(English, TextFolding.Fold(text)),
        _ => [.. Analyze(Latvian, FoldedEmEnding().Replace(TextFolding.Fold(text), "$1ēm")).Select(TextFolding.Fold)],
    };

    /// <summary>
    /// Folding turns the ending "-ēm" into "-em", which the Latvian stemmer does not know (it knows the folded forms of
    /// every other ending), so it is put back before stemming: "bedrem" and "bedrēm" both become "bedr".
    /// </summary>
    [GeneratedRegex(@"\b(\w{3,})em\b", RegexOptions.CultureInvariant)]
    private static partial Regex FoldedEmEnding();

    private static List<string> Analyze(Analyzer analyzer, string text)
    {
        var stems = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            stems.Add(term.ToString());
        }

        stream.End();
        return stems;
    }

    private static CharArraySet FoldedSet(CharArraySet words)
    {
        var folded = new CharArraySet(Version, words.Count, ignoreCase: true);
        foreach (var word in words)
        {
            folded.Add(TextFolding.Fold(word));
        }

        return folded;
    }
}
