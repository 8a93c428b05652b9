using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Quizzes;

public sealed record TopicConfidence(string Topic, double Average, int Respondents);

/// <summary>One self-assessment in a village; <see cref="Withheld"/> counts the topics too few people answered to show.</summary>
public sealed record AssessmentSummary(QuizModule Module, int Respondents, IReadOnlyList<TopicConfidence> Topics, int Withheld);

public sealed record TopicChange(string Topic, double Before, double After);

public sealed record ReassessmentSummary(QuizModule Module, int Respondents, IReadOnlyList<TopicChange> Topics, int Withheld);

/// <summary>
/// What a village's members said about their confidence and how their quiz answers went, per topic; only
/// figures from at least <see cref="MinRespondents"/> people, the rest counted in <see cref="ScoresWithheld"/>
/// and each summary's Withheld.
/// </summary>
public sealed record VillageNeeds(
    int Members,
    int MinRespondents,
    IReadOnlyList<AssessmentSummary> Assessments,
    IReadOnlyList<ReassessmentSummary> Reassessments,
    IReadOnlyList<QuizScoring.TopicResult> Scores,
    int ScoresWithheld,
    IReadOnlyList<string> NeedTopics,
    IReadOnlyList<QuizModule> ShareNext);

/// <summary>
/// A village's learning needs (FUTURAL's "assess" phase): average self-assessed confidence per topic, the
/// share of right quiz answers per topic (each member's latest answer to each question), and the modules
/// that teach the topics most needed. A figure is given only when enough people stand behind it
/// (<see cref="QuizOptions.MinRespondents"/>); the most needed topics are ranked from those figures alone.
/// </summary>
public sealed class LearningNeeds(QuizCatalog catalog, QuizStore store, IDocumentStore db, IOptions<QuizOptions> options)
{
    public const int Suggestions = 3;

    public VillageNeeds For(int villageId)
    {
        var members = db.Residents.Find(r => r.VillageId == villageId && r.PrivacyAcceptedAt != null).Select(r => r.Id).ToList();
        var progress = store.ForUsers(members).ToLookup(p => p.ModuleId);

        var assessments = catalog.Modules.Where(m => m.IsAssessment && m.CompareWith is null)
            .Select(m => Assessment(m, progress[m.Id]))
            .Where(a => a.Respondents > 0)
            .ToList();
        var reassessments = catalog.Modules.Where(m => m.IsAssessment && m.CompareWith is not null)
            .Select(m => Reassessment(m, progress[m.Id], progress[m.CompareWith!].ToDictionary(p => p.UserId)))
            .Where(r => r.Respondents > 0)
            .ToList();
        var answers = catalog.Modules.Where(m => !m.IsAssessment).SelectMany(m => progress[m.Id])
            .SelectMany(p => p.Latest.Values.Where(a => a.Correct is not null).Select(a => (p.UserId, Answer: a)))
            .ToList();
        var enough = answers.GroupBy(x => x.Answer.Topic).Where(g => Enough(g.Select(x => x.UserId).Distinct().Count())).Select(g => g.Key).ToHashSet();
        var allScores = QuizScoring.ByTopic(answers.Select(x => x.Answer));
        var scores = allScores.Where(t => enough.Contains(t.Topic)).OrderBy(t => t.Share).ThenByDescending(t => t.Answers).ToList();

        var needTopics = NeedOrder(assessments, scores);
        return new VillageNeeds(
            members.Count, MinRespondents, assessments, reassessments, scores, allScores.Count - scores.Count, needTopics, ShareNext(needTopics, assessments.Count > 0));
    }

    private int MinRespondents => options.Value.MinRespondents;

    private bool Enough(int people) => people >= MinRespondents;

    private AssessmentSummary Assessment(QuizModule module, IEnumerable<QuizProgress> taken)
    {
        var answered = taken.Where(p => p.Latest.Count > 0).ToList();
        var topics = answered.SelectMany(p => p.Latest.Values.Select(a => (p.UserId, Answer: a)))
            .GroupBy(x => x.Answer.Topic)
            .Select(g => new TopicConfidence(g.Key, g.Average(x => x.Answer.Option), g.Select(x => x.UserId).Distinct().Count()))
            .OrderBy(t => t.Average)
            .ToList();
        var shown = topics.Where(t => Enough(t.Respondents)).ToList();
        return new AssessmentSummary(module, answered.Count, shown, topics.Count - shown.Count);
    }

    /// <summary>Compares, per topic, the first self-assessment and the re-assessment of the same people.</summary>
    private ReassessmentSummary Reassessment(QuizModule module, IEnumerable<QuizProgress> taken, IReadOnlyDictionary<long, QuizProgress> baselines)
    {
        var baselineModule = catalog.Find(module.CompareWith)!;
        var pairs = taken.Where(p => p.Latest.Count > 0 && baselines.ContainsKey(p.UserId))
            .Select(p => (Before: QuizScoring.FirstConfidenceByTopic(baselineModule, baselines[p.UserId]), After: QuizScoring.ConfidenceByTopic(p.Latest.Values)))
            .Where(x => x.Before.Count > 0)
            .ToList();
        var topics = module.Topics
            .Select(t => (Topic: t, Both: pairs.Where(x => x.Before.ContainsKey(t) && x.After.ContainsKey(t)).ToList()))
            .Where(x => x.Both.Count > 0)
            .ToList();
        var shown = topics.Where(x => Enough(x.Both.Count))
            .Select(x => new TopicChange(x.Topic, x.Both.Average(b => b.Before[x.Topic]), x.Both.Average(b => b.After[x.Topic])))
            .ToList();
        return new ReassessmentSummary(module, pairs.Count, shown, topics.Count - shown.Count);
    }

    /// <summary>
    /// Topics by need, greatest first: low confidence (1 − average/3) and wrong quiz answers (1 − share right),
    /// averaged where both are known.
    /// </summary>
    private static List<string> NeedOrder(IReadOnlyList<AssessmentSummary> assessments, IReadOnlyList<QuizScoring.TopicResult> scores)
    {
        var needs = new Dictionary<string, List<double>>();
        foreach (var group in assessments.SelectMany(a => a.Topics).GroupBy(t => t.Topic))
        {
            var weighted = group.Sum(t => t.Average * t.Respondents) / group.Sum(t => t.Respondents);
            Need(group.Key).Add(1 - (weighted / 3));
        }

        foreach (var s in scores)
        {
            Need(s.Topic).Add(1 - s.Share);
        }

        return [.. needs.Where(n => n.Value.Average() > 0).OrderByDescending(n => n.Value.Average()).ThenBy(n => QuizTopics.All.ToList().IndexOf(n.Key)).Select(n => n.Key)];

        List<double> Need(string topic) => needs.TryGetValue(topic, out var list) ? list : needs[topic] = [];
    }

    /// <summary>The quiz modules that teach the most-needed topics; the self-assessment first while nobody has taken it.</summary>
    private List<QuizModule> ShareNext(IReadOnlyList<string> needTopics, bool assessed)
    {
        var shareable = catalog.Modules.Where(m => !m.ForLeaders).ToList();
        var result = new List<QuizModule>();
        if (!assessed && shareable.FirstOrDefault(m => m.IsAssessment && m.Phase == QuizPhases.Assess) is { } first)
        {
            result.Add(first);
        }

        foreach (var topic in needTopics)
        {
            if (result.Count >= Suggestions)
            {
                break;
            }

            var teaching = shareable.Where(m => !m.IsAssessment && !result.Contains(m) && m.QuestionsOn(topic) > 0).MaxBy(m => m.QuestionsOn(topic));
            if (teaching is not null)
            {
                result.Add(teaching);
            }
        }

        return result;
    }
}
