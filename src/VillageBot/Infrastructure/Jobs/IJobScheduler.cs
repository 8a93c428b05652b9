namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// Background work that takes an id, never an object, and loads what it needs when it runs. A job runs at
/// least once: after a crash it runs again, so running it twice must do no harm.
/// </summary>
public interface IJob
{
    Task RunAsync(string arg, CancellationToken ct);
}

/// <summary>
/// Durable background work. Every job has a key (by default "name:arg"); work is kept in the bot's database
/// until it has finished, so a job waiting or running when the process stops runs after the next start.
/// Whether a scheduled job is due is asked of the injected <see cref="TimeProvider"/>, so tests move the clock.
/// </summary>
public interface IJobScheduler
{
    /// <summary>Runs the job as soon as a worker is free. False if the same key is already queued or running.</summary>
    bool Enqueue<TJob>(string arg, string? key = null)
        where TJob : IJob;

    /// <summary>Runs the job once the clock reaches <paramref name="dueUtc"/>; the same key moves the earlier schedule.</summary>
    void Schedule<TJob>(string arg, DateTime dueUtc, string? key = null)
        where TJob : IJob;

    /// <summary>Forgets a job that has not started yet. False if there was none (or it is already running).</summary>
    bool Cancel(string key);

    /// <summary>When the job of this key is due, or null if none is waiting.</summary>
    DateTime? DueAt(string key);

    /// <summary>A job on a cron schedule (Europe/Riga time) of Hangfire's own clock, e.g. a nightly clean-up.</summary>
    void Recurring<TJob>(string id, string cron, string arg = "")
        where TJob : IJob;

    /// <summary>The default key of a job: its registered name and the argument.</summary>
    string KeyOf<TJob>(string arg)
        where TJob : IJob;
}
