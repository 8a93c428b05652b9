using VillageBot.Infrastructure.Text;
using VillageBot.Features.Questions.Retrieval;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Features.FreeText;

/// <summary>
/// The knowledge base as evidence for "question": a text that asks something (a "?", a question word leading a
/// sentence or clause) or names a topic in two or three words ("biedrības statūti"), and for which the question answering finds a relevant article is most likely a question, even
/// when it opens with a complaint ("Our meetings go nowhere. How do we get young families to come?"). Problem reports
/// rarely match an article, and a report without an ask or a text read as small talk is never touched. The question's odds are multiplied by
/// <see cref="IntentOptions.KnowledgeBoost"/>, so a confident "problem" can still win. Without a relevant article,
/// weaker evidence kept apart from the articles' raises them less: a local fact asked for (<see cref="LocalFactBoost"/>),
/// a private, everyday matter asked about (<see cref="EverydayBoost"/>) or the project's own concept named in a text
/// that asks (<see cref="ConceptBoost"/>): the form of a question about something that is nobody's report.
/// </summary>
public sealed class KnowledgeEvidence(KnowledgeIndex index, double boost)
{
    private readonly Lazy<ProjectConcepts> _concepts = new(() => ProjectConcepts.Of(index));

    public double Boost => boost;

    /// <summary>
    /// How much more likely a question is when it asks and names one of the project's own concepts
    /// (<see cref="ProjectConcepts"/>) but no passage is relevant enough to answer from. Chosen on the dev splits of all
    /// four batches: 8 against 4 and 16 (no batch's reports moved; 16 sent two reports to answering at 0.65).
    /// </summary>
    public const double ConceptBoost = 8;

    /// <summary>
    /// True when the text asks and the knowledge base has a relevant article for it or for its asking sentence (the
    /// context before a question dilutes the search: "The neighbours argue about it. What is LEADER?").
    /// </summary>
    public bool Supports(string text)
    {
        if (!IntentFeatures.Asks(text) && !IsTopic(text))
        {
            return false;
        }

        var lang = LanguageDetector.Detect(text);
        var asking = IntentFeatures.AskingSentence(text);
        return KnowledgeIndex.IsRelevant(index.Search(text, lang))
            || asking.Length < text.Trim().Length && KnowledgeIndex.IsRelevant(index.Search(asking, lang));
    }

    /// <summary>
    /// The ask (in the language of the whole text) names a topic of the knowledge base: it names one of the project's
    /// concepts, or a passage holds two of its words, is relevant to it or holds much of its weight, and a part of the
    /// ask's known weight (<see cref="TopicHeadCoverage"/>) is in the passage's title, tags, heading or ask phrases. A short ask's one or two plain words ("Is it even safe?",
    /// "Сколько ждать?", "kas to kontrolē?") are found in some passage's body without naming what it is about: on the
    /// dev splits the looser test (any relevant passage) kept reports of a problem told before such an ask out of the report flow.
    /// </summary>
    public bool NamesATopic(string ask, string lang) =>
        _concepts.Value.Named(ask)
        || index.Search(ask, lang) is var found && found.Best is { Matched: >= 2 } best
        && RelevanceDecision.Features(found) is { HeadCoverage: >= TopicHeadCoverage }
        && (best.Coverage >= TopicCoverage || KnowledgeIndex.IsRelevant(found));

    /// <summary>The share of a short ask's known weight that must be in the found passage's title or heading for it to name the topic.</summary>
    public const double TopicHeadCoverage = 0.3;

    /// <summary>The share of a short ask's weight a passage must hold, with two of its words, for the ask to name its topic when no relevance is found.</summary>
    public const double TopicCoverage = 0.4;

    /// <summary>
    /// How much more likely a question is when it asks for a local fact — how much, when, who or which about a named or
    /// "our" place, the next meeting or a decision that happened ("kad iet autobuss no Madonas?", "who won the game last
    /// night?"): everyday questions that share their words with reports. Lower than the knowledge base's boost, since
    /// a complaint can ask "when" too ("when will they finally fix our road?"). Chosen on the dev splits: 8 against 3
    /// and 20 (question→answer 0.887 against 0.874 and 0.898 with one more report read as a question at 20).
    /// </summary>
    public const double LocalFactBoost = 8;

    /// <summary>
    /// How much more likely a question is when it asks about a private, everyday matter (<see cref="EverydayMatters"/>:
    /// a recipe, the weather, a match, a lawsuit, one's own health) with no article behind it. Chosen on the dev
    /// splits of all four batches: 8 against 20 (a few more questions answered, more reports read as questions).
    /// </summary>
    public const double EverydayBoost = 8;

    /// <summary>
    /// How much more likely a problem is when the text complains in a question's form (<see cref="IntentFeatures.Complains"/>:
    /// "why is there still no…", "when will they finally fix…"). No local fact, everyday matter or concept then raises
    /// the question's odds; an article that answers it still does. Chosen on the dev splits of all six batches: 4 against
    /// 1 and 10 (at 1 the sixth batch's reports went to the report flow 0.78 of the time, at 4 and 10 0.85, and 10 moved
    /// no question more).
    /// </summary>
    public const double ComplaintBoost = 4;

    /// <summary>
    /// The most an article raises the question's odds of a complaint in a question's form: a report shares its words
    /// with the articles on services or energy ("why is heating so expensive in the municipal flats?"). Chosen on the dev
    /// splits of all six batches: 16 against 64 (two reports fewer read as questions, no question less answered) and 4
    /// (questions sent to the report flow).
    /// </summary>
    public const double ComplaintKnowledgeBoost = 16;

    /// <summary>
    /// How much more likely a problem is when the text asks whom to tell, who fixes it or whether anyone acts
    /// (<see cref="IntentFeatures.AsksWhomToTell"/>); no article raises the question's odds then.
    /// </summary>
    public const double TellBoost = 8;

    /// <summary>A local fact, or one's own or the place's own affairs ("LAD уже перевела мне деньги?"), asked: the answering says it does not know.</summary>
    private static bool AsksForALocalFact(string text) =>
        IntentFeatures.Asks(text)
        && (SpecificFactCues.AsksHowMuchWhenOrWho(text) && SpecificFactCues.AsksForALocalFact(text, SpecificFactCues.Names(text).Count > 0)
            || SpecificFactCues.AsksAboutAPrivateMatter(text, unknownNames: 0));

    /// <summary>A topic typed on its own ("biedrības statūti", "energy community"): two or three words and no number.</summary>
    private static bool IsTopic(string text) =>
        Folding.Words(text).ToList() is { Count: >= 2 and <= 3 } words && !words.Any(w => w.Any(char.IsDigit));

    /// <summary>The probabilities (<see cref="IntentModel.Intents"/> order) with the question's odds raised when the knowledge base supports it.</summary>
    public float[] Weigh(float[] probabilities, string text)
    {
        // Small talk that happens to name a topic ("who are you, what do you know about associations?") stays small talk.
        if (boost <= 1 || probabilities[2] >= probabilities.Max())
        {
            return probabilities;
        }

        // Asking whom to tell is wanting the problem to reach someone: no article makes that a question.
        var ownHealth = EverydayMatters.AsksAboutOwnHealth(text);
        var tells = !ownHealth && IntentFeatures.AsksWhomToTell(text);
        var complains = !tells && !ownHealth && IntentFeatures.Complains(text);
        var lacks = !tells && !complains && IntentFeatures.StatesALack(text);
        var factor = tells || lacks ? 1
            : Supports(text) ? (complains ? Math.Min(boost, ComplaintKnowledgeBoost) : boost)
            : complains ? 1
            : AsksForALocalFact(text) ? LocalFactBoost : EverydayMatters.Asks(text) || EverydayMatters.AsksForARide(text) ? EverydayBoost
            : IntentFeatures.Asks(text) && _concepts.Value.Named(text) ? ConceptBoost : 1;
        var against = tells ? TellBoost : complains || lacks ? ComplaintBoost : 1;
        if (factor <= 1 && against <= 1)
        {
            return probabilities;
        }

        var weighed = (float[])probabilities.Clone();
        weighed[0] *= (float)factor;
        weighed[1] *= (float)against;
        var total = weighed.Sum();
        return [.. weighed.Select(p => p / total)];
    }
}
