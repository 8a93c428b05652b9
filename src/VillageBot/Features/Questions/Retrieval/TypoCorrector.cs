using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>
/// The articles' words as written and folded ("ciemā" → "ciema"), with how often each occurs: a word of a question
/// that the articles never use is taken as a typo of the nearest of them.
/// </summary>
public sealed class TypoCorrector
{
    private readonly Dictionary<string, int> _words;
    private readonly Dictionary<string, string> _surface;
    private readonly ILookup<int, KeyValuePair<string, int>> _wordsByLength;

    public TypoCorrector(IEnumerable<string> written)
    {
        var byFolded = written.Where(w => w.Length >= 3).GroupBy(Folding.Fold, StringComparer.Ordinal).ToList();
        _words = byFolded.ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _surface = byFolded.ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        _wordsByLength = _words.ToLookup(w => w.Key.Length);
    }

    /// <summary>The articles' word nearest to a word they never use: one edit away, two for long words; ties go to the more common word.</summary>
    public string? Correct(string word)
    {
        var folded = Folding.Fold(word);
        if (folded.Length < 4 || folded.Any(char.IsDigit))
        {
            return null;
        }

        var maxEdits = folded.Length >= 8 ? 2 : 1;
        string? best = null;
        var bestDistance = int.MaxValue;
        for (var length = folded.Length - maxEdits; length <= folded.Length + maxEdits; length++)
        {
            foreach (var candidate in _wordsByLength[length])
            {
                // People rarely mistype both of the first two letters; skipping those words keeps this fast.
                if (candidate.Key[0] != folded[0] && candidate.Key[1] != folded[1])
                {
                    continue;
                }

                var distance = EditDistance.Between(folded, candidate.Key, maxEdits);
                if (distance <= maxEdits && (distance < bestDistance || distance == bestDistance && candidate.Value > _words[best!]))
                {
                    best = candidate.Key;
                    bestDistance = distance;
                }
            }
        }

        return best is null ? null : _surface[best];
    }
}
