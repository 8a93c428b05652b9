using System.Collections.Concurrent;
using Hangfire;
using Microsoft.Extensions.Options;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>Which job keys are running in this process, so a job never runs twice at the same time.</summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<string, string> _running = new(StringComparer.Ordinal);

    public bool TryStart(string key, string runId) => _running.TryAdd(key, runId);

    public string? RunIdOf(string key) => _running.GetValueOrDefault(key);

    public void Finish(string key) => _running.TryRemove(key, out _);

    public int Count => _running.Count;
}

/// <summary>
/// What Hangfire runs: looks up the entry by key, runs its job and removes the entry when it succeeded.
/// An orphan of a crash (its run id replaced at start-up) or a second fetch of a running job does nothing.
/// </summary>
public sealed class JobRunner(
    IServiceProvider services,
    JobLedger ledger,
    JobRegistry registry,
    RunningJobs running,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobRunner> log)
{
    [JobDisplayName("{0}")]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string key, string runId, CancellationToken ct)
    {
        var entry = ledger.Get(key);
        if (entry is null || entry.RunId != runId || entry.State != JobEntryState.Dispatched)
        {
            log.LogDebug("Job {Key} run {RunId} is no longer current; nothing to do", key, runId);
            return;
        }

        if (!running.TryStart(key, runId))
        {
            if (running.RunIdOf(key) != runId)
            {
                // The previous run of this key is still going: try this one again shortly.
                Requeue(key, runId, TimeSpan.FromSeconds(2));
            }

            return;
        }

        try
        {
            await RunJobAsync(entry.Job, entry.Arg, ct);
            ledger.Atomically(() => ledger.Get(key) is { } current && current.RunId == runId && ledger.Delete(key));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Shutting down: the entry stays dispatched and runs again after the next start.
            throw;
        }
        catch (Exception e)
        {
            Failed(key, runId, e);
        }
        finally
        {
            running.Finish(key);
        }
    }

    /// <summary>Runs a job of a Hangfire recurring schedule; nothing is kept in the ledger for it.</summary>
    [JobDisplayName("{0} (recurring)")]
    [AutomaticRetry(Attempts = 2)]
    public Task RunRecurringAsync(string job, string arg, CancellationToken ct) => RunJobAsync(job, arg, ct);

    private Task RunJobAsync(string job, string arg, CancellationToken ct)
    {
        var type = registry.TypeOf(job) ?? throw new InvalidOperationException($"Unknown job '{job}'.");
        return ((IJob)services.GetRequiredService(type)).RunAsync(arg, ct);
    }

    private void Failed(string key, string runId, Exception e)
    {
        var max = options.Value.MaxAttempts;
        var failures = ledger.Atomically(() =>
        {
            if (ledger.Get(key) is not { } current || current.RunId != runId)
            {
                return 0;
            }

            current.Failures++;
            if (current.Failures >= max)
            {
                ledger.Delete(key);
            }
            else
            {
                // Waits longer after each failure: 10 s, 40 s, 90 s, …
                current.State = JobEntryState.Waiting;
                current.DueAt = time.GetUtcNow().UtcDateTime + TimeSpan.FromSeconds(10 * current.Failures * current.Failures);
                ledger.Save(current);
            }

            return current.Failures;
        });
        if (failures >= max)
        {
            log.LogError(e, "Job {Key} failed {Failures} times and is given up", key, failures);
        }
        else
        {
            log.LogWarning(e, "Job {Key} failed (attempt {Failures} of {Max}); it runs again later", key, failures, max);
        }
    }

    private void Requeue(string key, string runId, TimeSpan after) =>
        ledger.Atomically(() =>
        {
            if (ledger.Get(key) is { } current && current.RunId == runId)
            {
                current.State = JobEntryState.Waiting;
                current.DueAt = time.GetUtcNow().UtcDateTime + after;
                ledger.Save(current);
            }

            return 0;
        });
}
