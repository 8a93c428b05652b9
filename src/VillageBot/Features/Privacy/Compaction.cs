using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Privacy;

/// <summary>
/// Deleted documents stay readable in free pages of the data file until it is rebuilt; rebuilding writes only live
/// data, so nothing of an erased person remains on disk. LiteDB 5.0.21's Rebuild replaces its engine, so any query
/// running at that moment on another thread (another chat's lane, a job, a web request) fails with "engine instance
/// already disposed". So the rebuild is never run while the bot serves: /forget only marks it owed, however many
/// people ask, and it runs once when the host stops, after the bot stopped taking updates.
/// </summary>
public sealed class DatabaseCompaction(IDocumentStore db, ILogger<DatabaseCompaction> log) : IHostedService
{
    private int _pending;

    /// <summary>How many compactions ran since start.</summary>
    public int Runs { get; private set; }

    /// <summary>A compaction is owed and not yet done.</summary>
    public bool Pending => Volatile.Read(ref _pending) == 1;

    /// <summary>Why the last compaction could not run, if it could not.</summary>
    public string? LastFailure { get; private set; }

    public void Request() => Interlocked.Exchange(ref _pending, 1);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _pending, 0) == 1)
        {
            try
            {
                db.Compact();
                Runs++;
                log.LogInformation("Compacted the database after erasures");
            }
            catch (Exception e) when (e is ObjectDisposedException or StorageException)
            {
                // The data file was already closed, the database went away with the host shutting down, or the rebuild
                // failed: the erasure itself is done and stored, only the free pages were not rewritten this time.
                LastFailure = e.ToString();
                log.LogWarning(e, "Could not compact the database after erasures");
            }
        }

        return Task.CompletedTask;
    }
}
