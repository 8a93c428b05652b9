using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Quizzes;

/// <summary>One person's progress in one module: the attempt under way, scores, and the answers kept for reports.</summary>
[StoredIn("quiz_progress")]
public sealed class QuizProgress
{
    /// <summary>"{userId}:{moduleId}".</summary>
    public string Id { get; set; } = "";

    public long UserId { get; set; }

    public string ModuleId { get; set; } = "";

    /// <summary>How many attempts were started; buttons of an earlier attempt carry its number and are refused.</summary>
    public int Attempt { get; set; }

    public bool InProgress { get; set; }

    /// <summary>Index of the question to answer next in the attempt under way.</summary>
    public int Current { get; set; }

    /// <summary>The attempt under way (or the last one, once finished).</summary>
    public List<QuizAnswer> Answers { get; set; } = [];

    /// <summary>The most recent answer to each question, over all attempts: what learning-needs reports count.</summary>
    public Dictionary<string, QuizAnswer> Latest { get; set; } = [];

    /// <summary>The first answer ever given to each question: a re-assessment is compared with these.</summary>
    public Dictionary<string, int> First { get; set; } = [];

    public int Completions { get; set; }

    public int? BestScore { get; set; }

    public int? LastScore { get; set; }

    public DateTime StartedAt { get; set; }

    public DateTime LastActivityAt { get; set; }

    public DateTime? CompletedAt { get; set; }

    /// <summary>
    /// A native poll showing the current question, from when questions were asked with polls; such a poll is
    /// closed when the question is shown again, and its buttons-less question never takes an answer.
    /// </summary>
    public string? PollId { get; set; }

    /// <summary>The message showing the current question.</summary>
    public int? MessageId { get; set; }

    public static string Key(long userId, string moduleId) => $"{userId}:{moduleId}";

    public bool Done => Completions > 0;
}

public sealed class QuizAnswer
{
    public string QuestionId { get; set; } = "";

    public string Topic { get; set; } = "";

    /// <summary>The chosen option; in an assessment also the confidence, 0 (not at all) to 3 (very).</summary>
    public int Option { get; set; }

    /// <summary>Null in an assessment.</summary>
    public bool? Correct { get; set; }

    public DateTime At { get; set; }
}

/// <summary>Leaderboard choice and this week's points of one person.</summary>
[StoredIn("quiz_profiles")]
public sealed class QuizProfile
{
    /// <summary>Telegram user id.</summary>
    public long Id { get; set; }

    public bool LeaderboardOptIn { get; set; }

    /// <summary>ISO week ("2025-W48", Europe/Riga) the points belong to.</summary>
    public string Week { get; set; } = "";

    public int WeekPoints { get; set; }

    /// <summary>"module:question" answered right this week; a retake earns no second point for the same question.</summary>
    public List<string> WeekScored { get; set; } = [];
}

/// <summary>A module not finished, for "continue your quiz" reminders.</summary>
public sealed record UnfinishedQuiz(long UserId, string ModuleId, int Answered, int Total, DateTime LastActivityAt);
