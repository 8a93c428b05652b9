using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Quizzes;

/// <summary>Modules someone started and left: what "continue your quiz" reminders are built from.</summary>
public interface IUnfinishedQuizzes
{
    /// <summary>Attempts under way whose last answer (or start) is before <paramref name="cutoffUtc"/>, oldest first; times in UTC.</summary>
    IReadOnlyList<UnfinishedQuiz> IdleSince(DateTime cutoffUtc);

    /// <summary>Attempts under way with no activity for at least <paramref name="idle"/> (e.g. three days).</summary>
    IReadOnlyList<UnfinishedQuiz> IdleFor(TimeSpan idle);
}

/// <summary>Quiz progress and leaderboard profiles in the database.</summary>
public sealed class QuizStore : IUnfinishedQuizzes
{
    private readonly IDocumentStore _db;
    private readonly QuizCatalog _catalog;
    private readonly TimeProvider _time;

    public QuizStore(IDocumentStore db, QuizCatalog catalog, TimeProvider time)
    {
        _db = db;
        _catalog = catalog;
        _time = time;
        _ = Progress;
    }

    public IDocumentCollection<QuizProgress> Progress => _db.Collection<QuizProgress>("quiz_progress", i => i.On(p => p.UserId).On(p => p.LastActivityAt));

    public IDocumentCollection<QuizProfile> Profiles => _db.Collection<QuizProfile>("quiz_profiles");

    public QuizProgress? Get(long userId, string moduleId) => Progress.FindById(QuizProgress.Key(userId, moduleId));

    public QuizProgress GetOrNew(long userId, string moduleId) =>
        Get(userId, moduleId) ?? new QuizProgress { Id = QuizProgress.Key(userId, moduleId), UserId = userId, ModuleId = moduleId };

    public IReadOnlyList<QuizProgress> ForUser(long userId) => [.. Progress.Find(p => p.UserId == userId)];

    public IReadOnlyList<QuizProgress> ForUsers(IReadOnlyCollection<long> userIds)
    {
        var ids = userIds.ToList();
        return ids.Count == 0 ? [] : [.. Progress.Find(p => ids.Contains(p.UserId))];
    }

    public void Save(QuizProgress progress) => Progress.Upsert(progress);

    public QuizProfile Profile(long userId) => Profiles.FindById(userId) ?? new QuizProfile { Id = userId };

    public void Save(QuizProfile profile) => Profiles.Upsert(profile);

    public IReadOnlyList<UnfinishedQuiz> IdleSince(DateTime cutoffUtc) =>
        [.. Progress.Find(p => p.InProgress && p.LastActivityAt < cutoffUtc)
            .OrderBy(p => p.LastActivityAt)
            .Select(p => new UnfinishedQuiz(p.UserId, p.ModuleId, p.Current, _catalog.Find(p.ModuleId)?.Items.Count ?? 0, p.LastActivityAt.ToUniversalTime()))
            .Where(u => u.Total > 0)];

    public IReadOnlyList<UnfinishedQuiz> IdleFor(TimeSpan idle) => IdleSince(_time.GetUtcNow().UtcDateTime - idle);

    public void Erase(long userId)
    {
        Progress.DeleteMany(p => p.UserId == userId);
        Profiles.Delete(userId);
    }
}
