using Hangfire;
using Hangfire.Common;
using Hangfire.States;
using Hangfire.Storage;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// Jobs in Hangfire, keyed: the store keeps, per key, the id of its latest job (a small hash), and a key's jobs
/// are changed under a lock of that key (Hangfire's distributed lock; for the SQLite store, one in this process's memory). Whether a job waits, runs or is done is Hangfire's
/// own state of that job; nothing else is kept.
/// </summary>
public sealed class JobScheduler(
    IBackgroundJobClientV2 client,
    IRecurringJobManager recurring,
    JobRegistry registry,
    TimeZoneInfo zone,
    ILogger<JobScheduler> log) : IJobScheduler
{
    /// <summary>The job parameter that holds a job's key.</summary>
    public const string KeyParameter = "Key";

    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(1);

    public bool Enqueue<TJob>(string arg, string? key = null)
        where TJob : IJob
    {
        key ??= KeyOf<TJob>(arg);
        return WithKey(key, (connection, latest) =>
        {
            if (latest is not null && (latest.Is(EnqueuedState.StateName) || latest.Is(ProcessingState.StateName)))
            {
                return false;
            }

            if (latest is not null && latest.Is(ScheduledState.StateName))
            {
                // Fails only when Hangfire has just enqueued it itself: it runs now either way.
                return client.ChangeState(latest.Id, new EnqueuedState { Reason = "Asked to run now" }, ScheduledState.StateName);
            }

            return Remember(connection, key, Create<TJob>(arg, key, new EnqueuedState()));
        });
    }

    public void Schedule<TJob>(string arg, DateTime dueUtc)
        where TJob : IJob
    {
        var key = KeyOf<TJob>(arg);
        var due = new ScheduledState(DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc));
        WithKey(key, (connection, latest) =>
        {
            // A job of the key not yet started moves; one already running goes on, and a new one waits behind it.
            if (latest is not null && (latest.Is(ScheduledState.StateName) || latest.Is(EnqueuedState.StateName)) && client.ChangeState(latest.Id, due, latest.State))
            {
                return true;
            }

            return Remember(connection, key, Create<TJob>(arg, key, due));
        });
        log.LogDebug("Scheduled {Key} at {Due:u}", key, dueUtc);
    }

    public bool Cancel(string key) =>
        WithKey(key, (_, latest) => latest is not null && latest.Is(ScheduledState.StateName) && client.Delete(latest.Id, ScheduledState.StateName));

    public DateTime? DueAt(string key)
    {
        using var connection = client.Storage.GetConnection();
        return Latest(connection, key) is { } latest && latest.Is(ScheduledState.StateName) && latest.Due is { } due
            ? JobHelper.DeserializeDateTime(due)
            : null;
    }

    public void Recurring<TJob>(string id, string cron, string arg = "")
        where TJob : IJob =>
        recurring.AddOrUpdate(id, Job.FromExpression<TJob>(j => j.RunAsync(arg, CancellationToken.None)), cron, new RecurringJobOptions { TimeZone = zone });

    public string KeyOf<TJob>(string arg)
        where TJob : IJob
    {
        var name = registry.NameOf(typeof(TJob));
        return arg.Length == 0 ? name : name + ":" + arg;
    }

    /// <summary>The hash that holds a key's latest job ("Id") and, while it waits, when it is due ("Due").</summary>
    internal static string HashOf(string key) => "villagebot:job-key:" + key;

    /// <summary>The field of a key's hash that holds when its latest job is due, written as the job is scheduled.</summary>
    internal const string DueField = "Due";

    /// <summary>Runs a change of a key's jobs under the key's lock (for the SQLite store, a lock in this process's memory: <see cref="HostJobStorage"/>).</summary>
    private bool WithKey(string key, Func<IStorageConnection, KeyedJob?, bool> change)
    {
        using var connection = client.Storage.GetConnection();
        using var _ = connection.AcquireDistributedLock(HashOf(key), LockTimeout);
        return change(connection, Latest(connection, key));
    }

    /// <summary>
    /// The key's latest job, its state name and when it is due; null if there is none (or Hangfire has expired it).
    /// The state is the job's own (a store's state history can hold two entries of one moment in either order).
    /// </summary>
    private static KeyedJob? Latest(IStorageConnection connection, string key) =>
        connection.GetAllEntriesFromHash(HashOf(key)) is { } hash && hash.GetValueOrDefault("Id") is { } id && connection.GetJobData(id)?.State is { } state
            ? new KeyedJob(id, state, hash.GetValueOrDefault(DueField))
            : null;

    private static bool Remember(IStorageConnection connection, string key, string jobId)
    {
        using var transaction = connection.CreateWriteTransaction();
        transaction.SetRangeInHash(HashOf(key), [new("Id", jobId)]);
        transaction.Commit();
        return true;
    }

    private string Create<TJob>(string arg, string key, IState state)
        where TJob : IJob =>
        client.Create(Job.FromExpression<TJob>(j => j.RunAsync(arg, CancellationToken.None)), state, new Dictionary<string, object> { [KeyParameter] = key });

    private sealed record KeyedJob(string Id, string State, string? Due)
    {
        public bool Is(string state) => State.Equals(state, StringComparison.OrdinalIgnoreCase);
    }
}
