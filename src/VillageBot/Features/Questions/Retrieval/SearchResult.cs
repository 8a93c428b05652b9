namespace VillageBot.Features.Questions.Retrieval;

/// <summary>
/// A query term with its weight (the square root of its idf); a typo fixed to a known term weighs less. An
/// expansion (a key term's translation or synonym) counts towards a passage's coverage only where it is found.
/// <see cref="UnknownName"/>: a name (capitalised inside a sentence) the articles never use.
/// </summary>
public sealed record QueryTerm(string[] Forms, double Weight, bool Known, bool Corrected, bool Expansion = false)
{
    public bool UnknownName { get; init; }

    public bool MatchedBy(HashSet<string> terms) => Known && Forms.Any(terms.Contains);
}

/// <summary>A found passage: its BM25 score, the share of the question's weight it contains, and how many of the question's words.</summary>
public sealed record PassageHit(Passage Passage, float Score, double Coverage, int Matched);

public sealed record SearchResult(IReadOnlyList<QueryTerm> Query, IReadOnlyList<PassageHit> Hits, string Question = "")
{
    public static readonly SearchResult Empty = new([], []);

    public PassageHit? Best => Hits.Count > 0 ? Hits[0] : null;

    /// <summary>Set by <see cref="KnowledgeIndex.Search"/>: the best passage answers the question.</summary>
    public bool Relevant { get; init; }

    /// <summary>False when the articles searched are in another language than the question.</summary>
    public bool OwnLanguage { get; init; } = true;
}
