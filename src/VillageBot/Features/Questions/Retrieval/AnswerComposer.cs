using System.Text;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>A short answer from the best passages: their most relevant sentences, in the order they were written.</summary>
public static class AnswerComposer
{
    /// <summary>A passage up to this long is quoted whole; a longer one is cut to its most relevant sentences.</summary>
    private const int MainBudget = 650;
    private const int SecondBudget = 320;

    public sealed record Composed(string Text, IReadOnlyList<Passage> Passages);

    public static Composed Compose(SearchResult result)
    {
        var best = result.Best ?? throw new InvalidOperationException("Nothing to compose an answer from.");
        var text = new StringBuilder(Quote(best.Passage, result.Query, MainBudget));
        var used = new List<Passage> { best.Passage };
        if (Supporting(result, best) is { } second)
        {
            var extra = Quote(second.Passage, result.Query, SecondBudget, onlyMatching: true);
            if (extra.Length > 0)
            {
                text.Append("\n\n").Append(extra);
                used.Add(second.Passage);
            }
        }

        return new Composed(text.ToString(), used);
    }

    /// <summary>A second passage nearly as good as the first, from another section, that covers something the first does not.</summary>
    private static PassageHit? Supporting(SearchResult result, PassageHit best)
    {
        var missing = result.Query.Where(t => t.Known && !t.MatchedBy(best.Passage.Terms)).ToList();
        return result.Hits.Skip(1).FirstOrDefault(h =>
            h.Score >= best.Score * 0.8f
            && h.Coverage >= best.Coverage * 0.8
            && missing.Any(t => t.MatchedBy(h.Passage.Terms)));
    }

    /// <summary>The passage's sentences that match the question best, within the budget, in their original order.</summary>
    public static string Quote(Passage passage, IReadOnlyList<QueryTerm> query, int budget, bool onlyMatching = false)
    {
        var sentences = passage.Sentences;
        if (!onlyMatching && sentences.Sum(s => s.Text.Length + 1) <= budget)
        {
            return string.Join(' ', sentences.Select(s => s.Text));
        }

        var scored = sentences
            .Select((s, i) => (Index: i, s.Text, Score: query.Where(t => t.MatchedBy(s.Terms)).Sum(t => t.Weight)))
            .ToList();

        // The opening sentence usually says what the section is about, so it gets a small head start.
        var chosen = new List<int>();
        var length = 0;
        foreach (var s in scored.OrderByDescending(s => s.Score + (s.Index == 0 && !onlyMatching ? 1.0 : 0)).ThenBy(s => s.Index))
        {
            if (onlyMatching && s.Score <= 0 || chosen.Count > 0 && length + s.Text.Length > budget)
            {
                continue;
            }

            chosen.Add(s.Index);
            length += s.Text.Length + 1;
        }

        return string.Join(' ', chosen.Order().Select(i => scored[i].Text));
    }
}
