namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// Background work that takes an id, never an object, and loads what it needs when it runs. A job runs at
/// least once: after a crash it runs again, so running it twice must do no harm. Hangfire's filter attributes on
/// the class apply, e.g. [AutomaticRetry(Attempts = 0)] for a job that must not be retried.
/// </summary>
public interface IJob
{
    Task RunAsync(string arg, CancellationToken ct);
}

/// <summary>
/// Durable background work in Hangfire's job store. Every job has a key (by default "name:arg"): one key is one
/// job, whether enqueued, scheduled or cancelled, and runs of one key never overlap. Scheduled and recurring jobs
/// come due by the injected <see cref="TimeProvider"/>, so tests move the clock.
/// </summary>
public interface IJobScheduler
{
    /// <summary>Runs the job as soon as a worker is free (a scheduled one of the key at once). False if the key is already queued or running.</summary>
    bool Enqueue<TJob>(string arg, string? key = null)
        where TJob : IJob;

    /// <summary>Runs the job once the clock reaches <paramref name="dueUtc"/>; a job of the key still waiting is moved there instead.</summary>
    void Schedule<TJob>(string arg, DateTime dueUtc)
        where TJob : IJob;

    /// <summary>Forgets a job that has not started yet. False if there was none (or it is already queued or running).</summary>
    bool Cancel(string key);

    /// <summary>When the job of this key is due, or null if none is waiting.</summary>
    DateTime? DueAt(string key);

    /// <summary>A job on a cron schedule in the bot's time zone (Bot:TimeZone), e.g. a periodic scan.</summary>
    void Recurring<TJob>(string id, string cron, string arg = "")
        where TJob : IJob;

    /// <summary>The default key of a job: its registered name and the argument.</summary>
    string KeyOf<TJob>(string arg)
        where TJob : IJob;
}
