using System.Text.Json;
using Lucene.Net.Analysis;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>
/// The domain's key terms in Latvian, English and Russian (data/knowledge/terms.json): a question that names a
/// term in one language is also looked up with the term's words in the language of the articles searched, so a
/// Russian question finds a Latvian article, and "NVO" finds "biedrība".
/// </summary>
public sealed class TermMap
{
    public static readonly TermMap Empty = new([]);

    private readonly List<Dictionary<string, string[]>> _concepts;
    private readonly Dictionary<string, List<(int Concept, HashSet<string>[] Positions)>> _byLang = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Analyzer> _analyzers = new(StringComparer.Ordinal);

    public TermMap(List<Dictionary<string, string[]>> concepts)
    {
        _concepts = concepts;
        foreach (var lang in concepts.SelectMany(c => c.Keys).Distinct())
        {
            var analyzer = _analyzers[lang] = TextAnalysis.For(lang);
            _byLang[lang] = [.. concepts.SelectMany((c, i) => c.GetValueOrDefault(lang, []).Select(phrase => (i, Positions(analyzer, phrase))))
                .Where(x => x.Item2.Length > 0)];
        }
    }

    public int Count => _concepts.Count;

    /// <summary>Reads terms.json of the knowledge folder; none when there is no such file.</summary>
    public static TermMap Load(string knowledgeDirectory)
    {
        var file = Path.Combine(knowledgeDirectory, "terms.json");
        if (!File.Exists(file))
        {
            return Empty;
        }

        try
        {
            return new TermMap(JsonSerializer.Deserialize<List<Dictionary<string, string[]>>>(File.ReadAllText(file)) ?? []);
        }
        catch (JsonException e)
        {
            throw new KnowledgeFormatException(file, "it must be a JSON list of {\"lv\": [...], \"en\": [...], \"ru\": [...]} terms (" + e.Message + ").");
        }
    }

    /// <summary>
    /// The words, in <paramref name="to"/>, of every term the question (in <paramref name="from"/>) names; for the
    /// same language, the term's other words (its synonyms).
    /// </summary>
    public IReadOnlyList<string> Expand(string question, string from, string to)
    {
        if (!_byLang.TryGetValue(from, out var entries))
        {
            return [];
        }

        var terms = TextAnalysis.Terms(_analyzers[from], question).SelectMany(p => p).ToHashSet(StringComparer.Ordinal);
        return [.. entries.Where(e => e.Positions.All(p => p.Overlaps(terms))).Select(e => e.Concept).Distinct()
            .SelectMany(c => _concepts[c].GetValueOrDefault(to, []))
            .Distinct()];
    }

    private static HashSet<string>[] Positions(Analyzer analyzer, string phrase) =>
        [.. TextAnalysis.Terms(analyzer, phrase).Select(p => p.ToHashSet(StringComparer.Ordinal))];
}
