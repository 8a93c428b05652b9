using VillageBot.Infrastructure.Text;
namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// Keyword stems per category in all three languages (data/problems/lexicon/{category}.txt, one stem or phrase a line,
/// folded). A stem matches every word that starts with it ("bedr" matches "bedres", "bedrains"); a phrase matches words
/// in a row whose last one starts with its last word. The hit counts per category are extra features for the model.
/// </summary>
public sealed class ProblemLexicon
{
    private readonly Dictionary<string, List<int>> _stems = new(StringComparer.Ordinal);
    private readonly List<(string[] Words, int Category)> _phrases = [];

    public ProblemLexicon(IReadOnlyList<string> categories, Func<string, IEnumerable<string>> entriesOf)
    {
        Categories = categories;
        for (var c = 0; c < categories.Count; c++)
        {
            foreach (var entry in entriesOf(categories[c]))
            {
                var words = Folding.Words(Folding.Fold(entry)).ToArray();
                if (words.Length == 1)
                {
                    var list = _stems.TryGetValue(words[0], out var l) ? l : _stems[words[0]] = [];
                    if (!list.Contains(c))
                    {
                        list.Add(c);
                    }
                }
                else if (words.Length > 1)
                {
                    _phrases.Add((words, c));
                }
            }
        }

        MaxStemLength = _stems.Keys.DefaultIfEmpty("").Max(k => k.Length);
    }

    public IReadOnlyList<string> Categories { get; }

    private int MaxStemLength { get; }

    /// <summary>Reads data/problems/lexicon/{category}.txt; a missing file is an empty list.</summary>
    public static ProblemLexicon Load(string lexiconDirectory) => new(Reports.Categories.All, category =>
    {
        var path = Path.Combine(lexiconDirectory, category + ".txt");
        return File.Exists(path)
            ? File.ReadAllLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'))
            : [];
    });

    /// <summary>How many words of the (folded) text hit each category's stems and phrases, in <see cref="Categories"/> order.</summary>
    public float[] Hits(IReadOnlyList<string> foldedWords)
    {
        var hits = new float[Categories.Count];
        foreach (var word in foldedWords)
        {
            for (var length = Math.Min(word.Length, MaxStemLength); length >= 2; length--)
            {
                if (_stems.TryGetValue(word[..length], out var categories))
                {
                    foreach (var c in categories)
                    {
                        hits[c]++;
                    }

                    break;
                }
            }
        }

        foreach (var (words, category) in _phrases)
        {
            for (var i = 0; i + words.Length <= foldedWords.Count; i++)
            {
                if (PhraseAt(foldedWords, i, words))
                {
                    hits[category]++;
                }
            }
        }

        return hits;
    }

    private static bool PhraseAt(IReadOnlyList<string> text, int at, string[] phrase)
    {
        for (var j = 0; j < phrase.Length - 1; j++)
        {
            if (text[at + j] != phrase[j])
            {
                return false;
            }
        }

        return text[at + phrase.Length - 1].StartsWith(phrase[^1], StringComparison.Ordinal);
    }
}
