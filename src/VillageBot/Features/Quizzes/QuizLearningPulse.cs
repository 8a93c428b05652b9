using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// The villages' learning needs on the pulse page, from the quizzes: the share of right answers and the
/// self-assessed confidence (0–3) per topic, over the villages in view, and each village's most needed topics.
/// These are current standings, not limited to the chosen period.
/// </summary>
public sealed class QuizLearningPulse(LearningNeeds needs, IDocumentStore db, Texts texts) : IPulseSource
{
    public string Slot => PulseSlots.Learning;

    public PulseSection? Build(PulseScope scope)
    {
        var villages = db.Villages.FindAll().Where(v => scope.Includes(v.Id)).OrderBy(v => v.Name).ToList();
        var perVillage = villages.Select(v => (Village: v, Needs: needs.For(v.Id))).ToList();
        var scores = perVillage.SelectMany(x => x.Needs.Scores).GroupBy(s => s.Topic)
            .Select(g => (Topic: g.Key, Right: g.Sum(s => s.Right), Answers: g.Sum(s => s.Answers)))
            .Where(t => t.Answers > 0)
            .OrderBy(t => (double)t.Right / t.Answers)
            .ToList();
        var confidence = perVillage.SelectMany(x => x.Needs.Assessments).SelectMany(a => a.Topics).GroupBy(t => t.Topic)
            .Select(g => (Topic: g.Key, Average: g.Sum(t => t.Average * t.Respondents) / g.Sum(t => t.Respondents)))
            .OrderBy(t => t.Average)
            .ToList();
        if (scores.Count == 0 && confidence.Count == 0)
        {
            return null;
        }

        var charts = new List<PulseBars>();
        if (scores.Count > 0)
        {
            charts.Add(new PulseBars(T(scope, "quiz.pulse.right"), [.. scores.Select(s => (Topic(scope, s.Topic), Math.Round(100.0 * s.Right / s.Answers)))], Max: 100));
        }

        if (confidence.Count > 0)
        {
            charts.Add(new PulseBars(T(scope, "quiz.pulse.confidence"), [.. confidence.Select(c => (Topic(scope, c.Topic), c.Average))], "0.0", Max: 3));
        }

        var rows = perVillage.Where(x => x.Needs.NeedTopics.Count > 0)
            .Select(x => (IReadOnlyList<string>)[x.Village.Name, string.Join(", ", x.Needs.NeedTopics.Take(3).Select(t => Topic(scope, t)))])
            .ToList();
        var table = rows.Count == 0 ? null : new PulseTable([T(scope, "quiz.pulse.village"), T(scope, "quiz.pulse.needs")], rows);
        return new PulseSection(charts, table);
    }

    private string T(PulseScope scope, string key) => texts.Get(scope.Lang, key);

    private string Topic(PulseScope scope, string topic) => texts.Has(QuizTopics.LabelKey(topic)) ? texts.Get(scope.Lang, QuizTopics.LabelKey(topic)) : topic;
}
