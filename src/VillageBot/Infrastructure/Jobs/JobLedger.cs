using LiteDB;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.Jobs;

public enum JobEntryState
{
    /// <summary>Waits for its time.</summary>
    Waiting,

    /// <summary>Handed to Hangfire; removed once the run finishes.</summary>
    Dispatched,
}

/// <summary>One piece of background work that has not finished yet.</summary>
public sealed class JobEntry
{
    [BsonId]
    public string Key { get; set; } = "";

    public string Job { get; set; } = "";

    public string Arg { get; set; } = "";

    public DateTime DueAt { get; set; }

    public JobEntryState State { get; set; }

    /// <summary>Identifies one dispatch: a run whose id no longer matches (an orphan of a crash) does nothing.</summary>
    public string RunId { get; set; } = "";

    public string? HangfireId { get; set; }

    public int Failures { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>The unfinished jobs, in the bot's LiteDB. Each change is one small write.</summary>
public sealed class JobLedger
{
    private readonly ILiteCollection<JobEntry> _entries;
    private readonly Lock _gate = new();

    public JobLedger(Db db)
    {
        _entries = db.Collection<JobEntry>("jobs");
        _entries.EnsureIndex(e => e.DueAt);

        // Whatever was handed to Hangfire when this process opened the database belongs to an earlier process
        // that stopped before the run finished: it waits again, under a new run id, and runs once more.
        foreach (var e in _entries.FindAll().Where(e => e.State == JobEntryState.Dispatched).ToList())
        {
            e.State = JobEntryState.Waiting;
            e.RunId = NewRunId();
            _entries.Update(e);
            Resumed++;
        }
    }

    /// <summary>Entries of interrupted runs found at start-up.</summary>
    public int Resumed { get; }

    /// <summary>Read-modify-write of entries without another thread changing them in between.</summary>
    public T Atomically<T>(Func<T> change)
    {
        lock (_gate)
        {
            return change();
        }
    }

    public JobEntry? Get(string key) => _entries.FindById(key);

    public void Save(JobEntry entry) => _entries.Upsert(entry);

    public bool Delete(string key) => _entries.Delete(key);

    public IReadOnlyList<JobEntry> Due(DateTime now, int max) =>
        [.. _entries.Find(e => e.DueAt <= now).Where(e => e.State == JobEntryState.Waiting).OrderBy(e => e.DueAt).Take(max)];

    public int Count => _entries.Count();

    /// <summary>Keys of the work running or due by <paramref name="now"/>: handed to Hangfire, or waiting for a time that has come.</summary>
    public IReadOnlyList<string> Unfinished(DateTime now) =>
        [.. _entries.FindAll().Where(e => e.State == JobEntryState.Dispatched || e.DueAt <= now).Select(e => e.Key)];

    public static string NewRunId() => Guid.NewGuid().ToString("N");
}
