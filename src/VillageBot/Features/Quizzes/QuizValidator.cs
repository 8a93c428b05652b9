using System.Text.RegularExpressions;
using VillageBot.Conversation;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// Checks quiz files before anyone sees them, so a content mistake is one clear message at start-up naming the
/// file and the problem, not a failure in the middle of somebody's quiz.
/// </summary>
public static partial class QuizValidator
{
    /// <summary>Longest question text; longer than a poll allows (300) is still shown, as a message with buttons.</summary>
    public const int MaxQuestion = 1000;

    /// <summary>Longest option; longer than a poll allows (100) is shown as a message with buttons.</summary>
    public const int MaxOption = 300;

    /// <summary>The issue's content rule, and what a Telegram quiz explanation can hold.</summary>
    public const int MaxExplanation = 200;

    public const int MaxTitle = 100;

    public const int MaxDescription = 1000;

    /// <summary>Confidence "not at all" (0) … "very" (3): every assessment statement has these four options.</summary>
    public const int AssessmentOptions = 4;

    private static readonly string[] Kinds = [QuizModule.KindQuiz, QuizModule.KindAssessment];
    private static readonly string[] Audiences = ["all", "residents", "leaders"];

    /// <summary>Problems within one file, each starting with the file name.</summary>
    public static List<string> Validate(QuizModule m)
    {
        var problems = new List<string>();
        void Add(string problem) => problems.Add($"{m.FileName}: {problem}");

        if (!IdPattern().IsMatch(m.Id))
        {
            Add($"id '{m.Id}' must be 1–32 lower-case letters, digits or '-'");
        }
        else if (FileNamePattern().Match(m.FileName) is not { Success: true } name || name.Groups[1].Value != m.Id)
        {
            Add($"the file name must be NN-{m.Id}.json (two digits, then the module id)");
        }

        if (!QuizPhases.All.Contains(m.Phase))
        {
            Add($"phase '{m.Phase}' is not one of {string.Join(", ", QuizPhases.All)}");
        }

        if (!Kinds.Contains(m.Kind))
        {
            Add($"kind '{m.Kind}' is not one of {string.Join(", ", Kinds)}");
        }

        if (!Audiences.Contains(m.Audience))
        {
            Add($"audience '{m.Audience}' is not one of {string.Join(", ", Audiences)}");
        }

        CheckText(m.Title, "title", MaxTitle, Add);
        CheckText(m.Description, "description", MaxDescription, Add);
        if (m.Questions is not { Count: > 0 })
        {
            Add("has no questions");
            return problems;
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < m.Questions.Count; i++)
        {
            var q = m.Questions[i];
            if (q is null)
            {
                Add($"question {i + 1} is empty");
                continue;
            }

            var label = QuestionIdPattern().IsMatch(q.Id) ? $"question {q.Id}" : $"question {i + 1}";
            if (!QuestionIdPattern().IsMatch(q.Id))
            {
                Add($"{label}: id '{q.Id}' must be 1–16 letters, digits, '_' or '-'");
            }
            else if (!ids.Add(q.Id))
            {
                Add($"{label}: the id is used twice in this module");
            }

            CheckQuestion(m, q, label, Add);
        }

        return problems;
    }

    /// <summary>Problems across files: the same id twice, and re-assessments that cannot be compared.</summary>
    public static List<string> ValidateSet(IReadOnlyList<QuizModule> modules)
    {
        var problems = new List<string>();
        foreach (var group in modules.GroupBy(m => m.Id).Where(g => g.Count() > 1))
        {
            problems.Add($"{string.Join(", ", group.Select(m => m.FileName))}: the module id '{group.Key}' is used by more than one file");
        }

        problems.AddRange(AnswerPatterns(modules));
        foreach (var m in modules.Where(m => m.CompareWith is not null))
        {
            var target = modules.FirstOrDefault(o => o.Id == m.CompareWith);
            if (!m.IsAssessment)
            {
                problems.Add($"{m.FileName}: compareWith is only for assessments (kind 'assessment')");
            }
            else if (target is null || target == m)
            {
                problems.Add($"{m.FileName}: compareWith '{m.CompareWith}' is not the id of another module");
            }
            else if (!target.IsAssessment)
            {
                problems.Add($"{m.FileName}: compareWith '{m.CompareWith}' is not an assessment");
            }
            else if (!target.Topics.ToHashSet().SetEquals(m.Topics))
            {
                var missing = target.Topics.Except(m.Topics).Concat(m.Topics.Except(target.Topics));
                problems.Add($"{m.FileName}: compareWith '{m.CompareWith}' covers other topics (differs in: {string.Join(", ", missing)})");
            }
        }

        return problems;
    }

    /// <summary>Below this many quiz questions the share of a pattern says nothing; a small test set is not judged.</summary>
    public const int PatternMinimumQuestions = 30;

    /// <summary>How far above chance (1 / options) the right option may be the longest one or sit at one place.</summary>
    public const double PatternMargin = 0.10;

    /// <summary>
    /// Guessing must not pay: over all quiz questions, the right option may be the strictly longest one, and may
    /// sit at any one place, only about as often as chance would have it (1 / options, plus a margin).
    /// </summary>
    public static List<string> AnswerPatterns(IReadOnlyList<QuizModule> modules)
    {
        var questions = modules.Where(m => m.Kind == QuizModule.KindQuiz)
            .SelectMany(m => m.Items)
            .Where(q => q?.Correct is int c && c >= 0 && c < q.OptionCount)
            .ToList();
        if (questions.Count < PatternMinimumQuestions)
        {
            return [];
        }

        var problems = new List<string>();
        var chance = questions.Average(q => 1.0 / q.OptionCount);
        foreach (var lang in Languages.All)
        {
            var longest = questions.Count(q => IsStrictlyLongest(q, lang)) / (double)questions.Count;
            if (longest > chance + PatternMargin)
            {
                problems.Add($"in '{lang}' the right option is the longest in {Percent(longest)} of {questions.Count} quiz questions; at most {Percent(chance + PatternMargin)}");
            }
        }

        foreach (var place in questions.GroupBy(q => q.Correct!.Value))
        {
            var share = place.Count() / (double)questions.Count(q => q.OptionCount > place.Key);
            if (share > chance + PatternMargin)
            {
                problems.Add($"option {place.Key + 1} is the right one in {Percent(share)} of the quiz questions that have it; at most {Percent(chance + PatternMargin)}");
            }
        }

        return problems;
    }

    private static string Percent(double share) => $"{(int)Math.Round(share * 100)}%";

    private static bool IsStrictlyLongest(QuizQuestion q, string lang)
    {
        var options = q.OptionsIn(lang);
        var right = options[q.Correct!.Value].Length;
        return options.Where((_, i) => i != q.Correct).All(o => o.Length < right);
    }

    private static void CheckQuestion(QuizModule m, QuizQuestion q, string label, Action<string> add)
    {
        if (!QuizTopics.IsKnown(q.Topic))
        {
            add($"{label}: topic '{q.Topic}' is not one of {string.Join(", ", QuizTopics.All)}");
        }

        CheckText(q.Text, $"{label} text", MaxQuestion, add);
        CheckText(q.Explanation, $"{label} explanation", MaxExplanation, add);
        if (string.IsNullOrWhiteSpace(q.Source))
        {
            add($"{label}: has no source (a seed slide or a public source to check it against)");
        }

        var options = q.Options ?? [];
        if (options.Count is < 2 or > 10)
        {
            add($"{label}: has {options.Count} options; it needs 2 to 10");
        }

        for (var o = 0; o < options.Count; o++)
        {
            CheckText(options[o], $"{label} option {o + 1}", MaxOption, add);
        }

        if (m.IsAssessment)
        {
            if (q.Correct is not null)
            {
                add($"{label}: an assessment has no right answer; 'correct' must be null");
            }

            if (options.Count != AssessmentOptions)
            {
                add($"{label}: assessment statements have the {AssessmentOptions} confidence options (0–3), not {options.Count}");
            }
        }
        else if (m.Kind == QuizModule.KindQuiz)
        {
            if (q.Correct is not int c)
            {
                add($"{label}: 'correct' is missing (the index of the right option, from 0)");
            }
            else if (c < 0 || c >= options.Count)
            {
                add($"{label}: 'correct' is {c} but the options are numbered 0 to {options.Count - 1}");
            }
        }
    }

    private static void CheckText(Dictionary<string, string>? texts, string what, int max, Action<string> add)
    {
        foreach (var lang in Languages.All)
        {
            var t = texts?.GetValueOrDefault(lang);
            if (string.IsNullOrWhiteSpace(t))
            {
                add($"{what}: no '{lang}' text");
            }
            else if (t.Length > max)
            {
                add($"{what}: the '{lang}' text has {t.Length} characters; at most {max}");
            }
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,31}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,16}$")]
    private static partial Regex QuestionIdPattern();

    [GeneratedRegex(@"^\d{2}-(.+)\.json$")]
    private static partial Regex FileNamePattern();
}
