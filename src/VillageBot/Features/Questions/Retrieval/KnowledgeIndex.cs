using System.Collections.Concurrent;
using VillageBot.Conversation;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>
/// The per-language passage indexes. A question is looked up in the asker's language first; only when nothing
/// there is relevant enough are the other languages tried (Russian has fewer articles than Latvian and English).
/// </summary>
public sealed class KnowledgeIndex
{
    /// <summary>Share of the question's weight (idf) the best passage must contain to count as an answer.</summary>
    public const double MinCoverage = 0.5;

    private readonly Dictionary<string, PassageIndex> _indexes;

    public KnowledgeIndex(IReadOnlyList<KnowledgeArticle> articles, string folder = "")
    {
        Articles = articles;
        Folder = folder;
        _indexes = articles.Select(a => a.Lang).Distinct().ToDictionary(l => l, l => PassageIndex.Build(l, articles));
    }

    public IReadOnlyList<KnowledgeArticle> Articles { get; }

    /// <summary>Where the articles were read from.</summary>
    public string Folder { get; }

    public int PassageCount => _indexes.Values.Sum(i => i.Count);

    private static readonly ConcurrentDictionary<string, Lazy<KnowledgeIndex>> Loaded = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads, checks and indexes the articles of a folder. The index never changes once built, so hosts started
    /// in one process (the tests start many) share it while the folder's files stay as they were.
    /// </summary>
    public static KnowledgeIndex Load(string knowledgeDirectory)
    {
        var key = Fingerprint(knowledgeDirectory);
        try
        {
            return Loaded.GetOrAdd(key, _ => new Lazy<KnowledgeIndex>(() => new KnowledgeIndex(KnowledgeBase.Load(knowledgeDirectory), knowledgeDirectory))).Value;
        }
        catch
        {
            Loaded.TryRemove(key, out _);
            throw;
        }
    }

    private static string Fingerprint(string directory)
    {
        var full = Path.GetFullPath(directory);
        if (!Directory.Exists(full))
        {
            return full;
        }

        var files = Directory.EnumerateFiles(full, "*.md", SearchOption.AllDirectories).Select(f => new FileInfo(f)).ToList();
        return $"{full}|{files.Count}|{files.Sum(f => f.Length)}|{(files.Count == 0 ? 0 : files.Max(f => f.LastWriteTimeUtc.Ticks))}";
    }

    /// <summary>The relevant passages for the question, from the asker's language or else the first other that has them.</summary>
    public SearchResult Search(string question, string lang)
    {
        SearchResult? first = null;
        foreach (var l in SearchOrder(lang))
        {
            if (!_indexes.TryGetValue(l, out var index))
            {
                continue;
            }

            var result = index.Search(question, ownLanguage: l == lang);
            if (IsRelevant(result))
            {
                return result;
            }

            first ??= result;
        }

        return first ?? SearchResult.Empty;
    }

    /// <summary>
    /// The best passage contains at least half of the question's weight and, when the question has two or more
    /// words that matter, at least two of them ("kur ir tuvākais ārsts" is not answered by a passage on "tuvāk").
    /// </summary>
    /// <summary>How a question was read and what each language's index found, for whoever writes the articles.</summary>
    public IEnumerable<string> Explain(string question, string lang)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        foreach (var l in SearchOrder(lang).Where(_indexes.ContainsKey))
        {
            var result = _indexes[l].Search(question, ownLanguage: l == lang);
            yield return $"[{l}] " + string.Join(' ', result.Query.Select(t =>
                string.Create(inv, $"{string.Join('/', t.Forms)}:{t.Weight:F2}{(t.Known ? "" : "(unknown)")}{(t.Corrected ? "(typo)" : "")}")));
            foreach (var h in result.Hits.Take(5))
            {
                yield return string.Create(inv, $"    {h.Score,6:F2}  coverage {h.Coverage:F2}  words {h.Matched}  {h.Passage.Article.Id} / {h.Passage.Section.Heading}");
            }

            if (IsRelevant(result))
            {
                yield break;
            }
        }
    }

    public static bool IsRelevant(SearchResult result) =>
        result.Best is { } best && best.Coverage >= MinCoverage && best.Matched >= Math.Min(2, result.Query.Count)
        && result.Query.Any(t => !t.Corrected && t.MatchedBy(best.Passage.Terms));

    /// <summary>
    /// The asker's language, then Latvian (the country's language), then English. Russian articles are a subset of
    /// the Latvian ones, so a Latvian or English question never needs them.
    /// </summary>
    public static IEnumerable<string> SearchOrder(string lang) =>
        new[] { Languages.IsSupported(lang) ? lang : Languages.Default, Languages.Default, "en" }.Distinct();
}
