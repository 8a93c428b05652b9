using System.Runtime;
using Microsoft.Extensions.Options;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// On LiteDB, lets go of the page cache a burst of work left behind (<see cref="LiteDbStore.TrimCache"/>): checked every
/// second, done at most once in Storage:CacheTrimIntervalSeconds (a minute), then the runtime compacts its heap and
/// gives the freed memory back to the system, so a small server's memory returns to its usual level after an export or
/// a busy hour. Does nothing on PostgreSQL, whose cache is the server's own, or with Storage:CacheTrimMb 0.
/// </summary>
public sealed class CacheTrim(IDocumentStore store, IOptions<StorageOptions> options, ILogger<CacheTrim> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not LiteDbStore lite || options.Value.CacheTrimMb == 0)
        {
            return;
        }

        var limit = options.Value.CacheTrimMb * 1024L * 1024;
        var between = options.Value.CacheTrimIntervalSeconds * 1000L;
        using var timer = new PeriodicTimer(Tick);
        var next = 0L;
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (Environment.TickCount64 < next)
            {
                continue;
            }

            try
            {
                var released = lite.TrimCache(limit);
                if (released > 0)
                {
                    next = Environment.TickCount64 + between;
                    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    log.LogInformation("The database's page cache ({Megabytes} MB) was let go", released / (1024 * 1024));
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tried again after the interval; a store left closed is opened again by its next read or write.
                next = Environment.TickCount64 + between;
                log.LogWarning(e, "The database's page cache could not be let go");
            }
        }
    }
}
