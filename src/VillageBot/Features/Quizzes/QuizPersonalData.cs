using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Quizzes;

/// <summary>Quiz progress, answers and leaderboard points of one person, for /mydata and /forget.</summary>
public sealed class QuizPersonalData(QuizStore store) : IPersonalData
{
    public string Section => "quizzes";

    public IReadOnlyList<string> Collections => ["quiz_progress", "quiz_profiles"];

    public object? Export(long userId)
    {
        var progress = store.ForUser(userId);
        var profile = store.Profiles.FindById(userId);
        if (progress.Count == 0 && profile is null)
        {
            return null;
        }

        return new
        {
            modules = progress.OrderBy(p => p.ModuleId).Select(p => new
            {
                module = p.ModuleId,
                attempts = p.Attempt,
                inProgress = p.InProgress,
                answeredInCurrentAttempt = p.InProgress ? p.Current : (int?)null,
                completions = p.Completions,
                bestScore = p.BestScore,
                lastScore = p.LastScore,
                startedAt = p.StartedAt,
                lastActivityAt = p.LastActivityAt,
                completedAt = p.CompletedAt,
                latestAnswers = p.Latest.Values.OrderBy(a => a.QuestionId).Select(a => new { question = a.QuestionId, topic = a.Topic, option = a.Option, correct = a.Correct, at = a.At }),
                firstAnswers = p.First.OrderBy(f => f.Key).ToDictionary(f => f.Key, f => f.Value),
            }).ToList(),
            leaderboard = profile is null ? null : new { optedIn = profile.LeaderboardOptIn, week = profile.Week, points = profile.WeekPoints },
        };
    }

    public void Erase(long userId) => store.Erase(userId);
}
