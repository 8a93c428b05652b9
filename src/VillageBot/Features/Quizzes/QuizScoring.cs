namespace VillageBot.Features.Quizzes;

/// <summary>Scores per topic, and which module to take next.</summary>
public static class QuizScoring
{
    public sealed record TopicResult(string Topic, int Right, int Answers)
    {
        public double Share => Answers == 0 ? 0 : (double)Right / Answers;
    }

    public static int Percent(int part, int whole) => whole == 0 ? 0 : (int)Math.Round(100.0 * part / whole, MidpointRounding.AwayFromZero);

    /// <summary>Average confidence (0–3) per topic, topics in the order they were asked.</summary>
    public static IReadOnlyDictionary<string, double> ConfidenceByTopic(IEnumerable<QuizAnswer> answers)
    {
        var result = new OrderedDictionary<string, double>();
        foreach (var g in answers.GroupBy(a => a.Topic))
        {
            result[g.Key] = g.Average(a => a.Option);
        }

        return result;
    }

    /// <summary>A person's first self-assessment of each topic: the baseline a re-assessment shows progress against.</summary>
    public static IReadOnlyDictionary<string, double> FirstConfidenceByTopic(QuizModule module, QuizProgress? progress)
    {
        if (progress is null)
        {
            return new Dictionary<string, double>();
        }

        return ConfidenceByTopic(module.Items
            .Where(q => progress.First.ContainsKey(q.Id))
            .Select(q => new QuizAnswer { QuestionId = q.Id, Topic = q.Topic, Option = progress.First[q.Id] }));
    }

    /// <summary>Right answers per topic.</summary>
    public static IReadOnlyList<TopicResult> ByTopic(IEnumerable<QuizAnswer> answers) =>
        [.. answers.Where(a => a.Correct is not null).GroupBy(a => a.Topic).Select(g => new TopicResult(g.Key, g.Count(a => a.Correct == true), g.Count()))];

    /// <summary>The topic with the smallest share of right answers, or null when every answer was right.</summary>
    public static TopicResult? WeakestTopic(IEnumerable<QuizAnswer> answers) =>
        ByTopic(answers).Where(t => t.Right < t.Answers).OrderBy(t => t.Share).ThenByDescending(t => t.Answers - t.Right).FirstOrDefault();

    /// <summary>
    /// What to take after <paramref name="after"/>: a module not yet finished that teaches the weakest topic, or
    /// else the next unfinished module in phase order (assess → develop → implement → evaluate).
    /// </summary>
    public static QuizModule? Suggest(QuizCatalog catalog, QuizModule after, IReadOnlyList<QuizProgress> mine, bool leader, string? weakTopic)
    {
        var done = mine.Where(p => p.Done).Select(p => p.ModuleId).ToHashSet();
        var open = catalog.VisibleTo(leader).Where(m => m != after && !done.Contains(m.Id)).ToList();
        if (weakTopic is not null
            && open.Where(m => !m.IsAssessment && m.QuestionsOn(weakTopic) > 0).MaxBy(m => m.QuestionsOn(weakTopic)) is { } teaching)
        {
            return teaching;
        }

        // A first self-assessment is not suggested after its own re-assessment.
        open.RemoveAll(m => m.Id == after.CompareWith);
        var order = catalog.Modules.ToList();
        var position = order.IndexOf(after);
        return open.FirstOrDefault(m => order.IndexOf(m) > position) ?? open.FirstOrDefault();
    }
}
