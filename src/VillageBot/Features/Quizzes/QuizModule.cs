using System.Text.Json.Serialization;
using VillageBot.Conversation;

namespace VillageBot.Features.Quizzes;

/// <summary>FUTURAL's four capacity-building phases (seed slide 11), in the order a village goes through them.</summary>
public static class QuizPhases
{
    public const string Assess = "assess";
    public const string Develop = "develop";
    public const string Implement = "implement";
    public const string Evaluate = "evaluate";

    public static readonly IReadOnlyList<string> All = [Assess, Develop, Implement, Evaluate];

    public static int IndexOf(string phase) => All.ToList().IndexOf(phase);

    public static string LabelKey(string phase) => "quiz.phase." + phase;

    /// <summary>"1️⃣" for the first phase…: a number a reader can follow on a phone.</summary>
    public static string Badge(string phase) => IndexOf(phase) switch
    {
        0 => "1️⃣",
        1 => "2️⃣",
        2 => "3️⃣",
        _ => "4️⃣",
    };
}

/// <summary>What questions are about; quiz results and self-assessments are summed per topic.</summary>
public static class QuizTopics
{
    public static readonly IReadOnlyList<string> All =
    [
        "social-capital", "vision", "eu-funding", "partnerships", "digital-skills", "e-services",
        "meetings", "project-writing", "village-data", "energy", "governance",
    ];

    public static bool IsKnown(string? topic) => topic is not null && All.Contains(topic);

    public static string LabelKey(string topic) => "quiz.topic." + topic;
}

/// <summary>One learning module, read from data/quizzes/NN-id.json.</summary>
public sealed class QuizModule
{
    public const string KindQuiz = "quiz";
    public const string KindAssessment = "assessment";

    public string Id { get; set; } = "";

    public string Phase { get; set; } = "";

    /// <summary>"quiz" (one right answer per question) or "assessment" (confidence 0–3, no right answer).</summary>
    public string Kind { get; set; } = "";

    /// <summary>"all", "residents" or "leaders" (coordinators and admins).</summary>
    public string Audience { get; set; } = "";

    /// <summary>For a re-assessment: the earlier self-assessment it is compared with.</summary>
    public string? CompareWith { get; set; }

    public Dictionary<string, string>? Title { get; set; }

    public Dictionary<string, string>? Description { get; set; }

    public List<QuizQuestion>? Questions { get; set; }

    /// <summary>The file it was read from, for messages about it.</summary>
    [JsonIgnore]
    public string FileName { get; set; } = "";

    [JsonIgnore]
    public bool IsAssessment => Kind == KindAssessment;

    [JsonIgnore]
    public bool ForLeaders => Audience == "leaders";

    [JsonIgnore]
    public IReadOnlyList<QuizQuestion> Items => Questions ?? [];

    [JsonIgnore]
    public IEnumerable<string> Topics => Items.Select(q => q.Topic).Distinct();

    public string TitleIn(string lang) => Localized.Pick(Title, lang);

    public string DescriptionIn(string lang) => Localized.Pick(Description, lang);

    public int QuestionsOn(string topic) => Items.Count(q => q.Topic == topic);

    public bool VisibleTo(bool leader) => leader || !ForLeaders;
}

public sealed class QuizQuestion
{
    public string Id { get; set; } = "";

    public string Topic { get; set; } = "";

    public Dictionary<string, string>? Text { get; set; }

    public List<Dictionary<string, string>>? Options { get; set; }

    /// <summary>Index of the right option; null in an assessment.</summary>
    public int? Correct { get; set; }

    public Dictionary<string, string>? Explanation { get; set; }

    /// <summary>Where the fact can be checked (a seed slide or a public source).</summary>
    public string? Source { get; set; }

    [JsonIgnore]
    public int OptionCount => Options?.Count ?? 0;

    public string TextIn(string lang) => Localized.Pick(Text, lang);

    public string ExplanationIn(string lang) => Localized.Pick(Explanation, lang);

    public IReadOnlyList<string> OptionsIn(string lang) => [.. (Options ?? []).Select(o => Localized.Pick(o, lang))];
}

/// <summary>Reads a { "lv", "en", "ru" } text in the person's language, Latvian when missing.</summary>
public static class Localized
{
    public static string Pick(IReadOnlyDictionary<string, string>? texts, string lang) =>
        texts is null ? "" :
        texts.TryGetValue(lang, out var t) && !string.IsNullOrWhiteSpace(t) ? t :
        texts.GetValueOrDefault(Languages.Default, "");
}
