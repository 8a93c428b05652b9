using System.Globalization;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>What the relevance decision looks at in a search result.</summary>
public sealed record RelevanceFeatures(
    double Coverage, double KnownCoverage, double HeadCoverage, double Matched, double KnownTerms, double UnknownShare, double LogScore, double Margin,
    double SpecificFact, double ArticleShare, double OtherLanguage, double LocalFact)
{
    public double[] Vector => [Coverage, KnownCoverage, HeadCoverage, Math.Min(Matched, 4), Math.Min(KnownTerms, 8), UnknownShare, LogScore, Margin, Math.Min(SpecificFact, 3), ArticleShare, OtherLanguage, LocalFact];

    public override string ToString() => string.Join(' ', Vector.Select(v => v.ToString("F3", CultureInfo.InvariantCulture)));
}

/// <summary>
/// Decides whether the best passage answers the question: a logistic model over the BM25 score, how much of the
/// question's weight the passage covers (all of it, the words the articles know, the title and heading alone), how
/// many words matched, how many words the articles never use, the margin to the best passage of another article, the
/// share of the found passages' score that is the best article's (several of its sections agreeing), whether the
/// articles searched are in another language than the question (found through a few shared words), and signs that
/// the question asks for a local fact no article can hold (a date, a time, a price, a number, a name), and whether it
/// asks how many, when or who about its own place or moment.
/// Its weights were fitted by <c>scripts/fit-relevance.py</c> on the blind dev questions and off-topic questions
/// together with the project's own questions in data/relevance (ten times more off-topic questions than dev has),
/// keeping the features that cross-validation found to matter (the others weigh 0); the threshold is set so that a
/// wrong article is rarer than "I don't know".
/// </summary>
public static class RelevanceDecision
{
    /// <summary>Weights in the order of <see cref="RelevanceFeatures.Vector"/>.</summary>
    private static readonly double[] Weights = [0.595, 0.122, 0.808, 0.122, 0.164, -1.281, 1.162, 2.139, -1.353, 3.090, -1.473, -2.837];
    private const double Bias = -6.060;

    /// <summary>The least probability of being right at which an answer is given.</summary>
    public const double Threshold = 0.62;

    /// <summary>
    /// Whatever the model says, the passage must hold this share of what was asked, or two words and a fair part of what the
    /// articles know of it (a long, chatty question has many words no article uses; one common verb is not a topic).
    /// </summary>
    public const double MinCoverage = 0.35;

    public static RelevanceFeatures? Features(SearchResult result)
    {
        if (result.Best is not { } best || result.Query.Count == 0)
        {
            return null;
        }

        var known = result.Query.Where(t => t.Known).ToList();
        var knownWeight = known.Sum(t => t.Weight);
        var head = known.Where(t => t.Forms.Any(best.Passage.HeadTerms.Contains)).Sum(t => t.Weight);
        var matchedWeight = known.Where(t => t.MatchedBy(best.Passage.Terms)).Sum(t => t.Weight);
        var other = result.Hits.FirstOrDefault(h => h.Passage.Article.Id != best.Passage.Article.Id)?.Score ?? 0f;
        var total = result.Hits.Sum(h => (double)h.Score);
        var same = result.Hits.Where(h => h.Passage.Article.Id == best.Passage.Article.Id).Sum(h => (double)h.Score);
        return new RelevanceFeatures(
            best.Coverage,
            knownWeight == 0 ? 0 : matchedWeight / knownWeight,
            knownWeight == 0 ? 0 : head / knownWeight,
            best.Matched,
            known.Count,
            (double)result.Query.Count(t => !t.Known) / result.Query.Count,
            Math.Log(1 + best.Score),
            best.Score <= 0 ? 0 : 1 - other / best.Score,
            SpecificFactCues.Count(result.Question) + result.Query.Count(t => t.UnknownName),
            total <= 0 ? 0 : same / total,
            result.OwnLanguage ? 0 : 1,
            SpecificFactCues.AsksForALocalFact(result.Question, result.Query.Any(t => t.UnknownName) || !result.OwnLanguage && SpecificFactCues.Names(result.Question).Count > 0) ? 1 : 0);
    }

    /// <summary>The probability that the best passage's article answers the question.</summary>
    public static double Probability(RelevanceFeatures features)
    {
        var x = features.Vector;
        var z = Bias;
        for (var i = 0; i < x.Length; i++)
        {
            z += Weights[i] * x[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>True when the best passage answers the question: probable enough, and at least one word matched as typed (not only a typo's correction or a key term's translation).</summary>
    public static bool IsRelevant(SearchResult result) =>
        Features(result) is { } features
        && PassesGates(result, features)
        && !SpecificFactCues.AsksAboutAPrivateMatter(result.Question, result.Query.Count(t => t.UnknownName))
        && (Probability(features) >= Threshold || NamesTheTitle(result, features));

    /// <summary>
    /// What the model is never asked about: enough of the question covered, one word matched as typed. Unless the
    /// passage covers most of the question, two of its own words must match: a key term's translations alone
    /// ("biedrība" → association, NGO, non-profit) are one word asked, not three, and one word of several ("kur ir
    /// tuvākais ārsts") is not the topic. Words the articles never use ("where to buy cheap firewood", "heard it at a
    /// seminar") are weighed by the model, not refused here: context words and off-topic words look alike to a rule.
    /// </summary>
    public static bool PassesGates(SearchResult result, RelevanceFeatures features)
    {
        var best = result.Best!.Passage;
        var typed = result.Query.Count(t => !t.Expansion && t.MatchedBy(best.Terms));
        return (features.Coverage >= MinCoverage || typed >= 2 && features.KnownCoverage >= KnownShare)
            && (features.Coverage >= MostOfIt || typed >= 2)
            && result.Query.Any(t => !t.Corrected && !t.Expansion && t.MatchedBy(best.Terms));
    }

    /// <summary>
    /// With two of its own words matched, a passage needs only this share of what the articles know of the question:
    /// the model weighs the rest. 0.6 refused a third of the right articles of chatty questions ("people keep talking
    /// over each other at our meetings, any tips?"); at 0.3 the refit decision answers them and, cross-validated on dev
    /// and data/relevance, no more off-topic questions.
    /// </summary>
    private const double KnownShare = 0.3;

    /// <summary>A passage holding this share of a question's weight covers most of it.</summary>
    private const double MostOfIt = 0.6;

    /// <summary>True when the model alone is not needed: the question names the best article's title and nothing else.</summary>
    public static bool AcceptedWithoutModel(SearchResult result, RelevanceFeatures features) =>
        PassesGates(result, features) && NamesTheTitle(result, features);

    /// <summary>
    /// A short question that is the article's topic ("kas ir LEADER?", "what is social capital?"): every word it has
    /// is in the title of the best passage's article, no word is unknown and it asks for no local fact.
    /// </summary>
    private static bool NamesTheTitle(SearchResult result, RelevanceFeatures features) =>
        features.UnknownShare == 0 && features.SpecificFact == 0 && features.LocalFact == 0
        && result.Query.Where(t => !t.Expansion).ToList() is { Count: > 0 } asked
        && asked.All(t => t.Known && !t.Corrected && t.Forms.Any(result.Best!.Passage.TitleTerms.Contains));
}
