using Hangfire;
using Hangfire.States;
using Hangfire.Storage;
using Microsoft.Extensions.Options;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// After a crash, runs again at once what the dead process was running. Hangfire's SQLite store hides a job a
/// worker has taken for its invisibility timeout (30 minutes) and cannot tell that the worker's process died; the
/// store is this process's own file, so a process that did not stop cleanly left every job still "processing".
/// Those are enqueued again before this process's workers start. A clean stop hands its jobs back itself.
/// </summary>
internal sealed class ResumeInterruptedJobs(
    JobStorage storage,
    IBackgroundJobClient client,
    IOptions<JobsOptions> options,
    IOptions<Storage.StorageOptions> documents,
    ILogger<ResumeInterruptedJobs> log) : IHostedService
{
    private const string Marker = "villagebot:process";
    private int _stopped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.StorageWith(documents.Value) != JobStorageKind.Sqlite)
        {
            return Task.CompletedTask;
        }

        using var connection = storage.GetConnection();
        if (connection.GetAllEntriesFromHash(Marker)?.ContainsKey("Running") == true)
        {
            var resumed = storage.GetMonitoringApi().ProcessingJobs(0, int.MaxValue)
                .Count(job => client.ChangeState(job.Key, new EnqueuedState { Reason = "Resumed: the process running it stopped" }, ProcessingState.StateName));
            if (resumed > 0)
            {
                log.LogInformation("Resuming {Count} jobs interrupted by the last stop", resumed);
            }
        }

        Mark(connection, running: true);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (options.Value.StorageWith(documents.Value) != JobStorageKind.Sqlite || Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return Task.CompletedTask;
        }

        try
        {
            using var connection = storage.GetConnection();
            Mark(connection, running: false);
        }
        catch (Exception e) when (e is ObjectDisposedException or NullReferenceException)
        {
            // The store closed first (a host whose two stops overlap can dispose the store while the other stop is
            // still on its way here; the SQLite store then fails with a null reference inside its context): the next
            // start treats this stop like a crash and re-queues whatever is still "processing", so nothing is lost.
            log.LogDebug(e, "The job store was closed before the clean stop could be noted");
        }

        return Task.CompletedTask;
    }

    private static void Mark(IStorageConnection connection, bool running)
    {
        using var transaction = connection.CreateWriteTransaction();
        if (running)
        {
            transaction.SetRangeInHash(Marker, [new("Running", "true")]);
        }
        else
        {
            transaction.RemoveHash(Marker);
        }

        transaction.Commit();
    }
}
