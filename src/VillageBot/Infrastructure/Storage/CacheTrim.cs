using System.Runtime;
using Microsoft.Extensions.Options;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// On LiteDB, lets go of the page cache a burst of work left behind (<see cref="LiteDbStore.TrimCache"/>): checked every
/// second, done at most once in Storage:CacheTrimIntervalSeconds (a minute), then the runtime compacts its heap and
/// gives the freed memory back to the system, so a small server's memory returns to its usual level after an export or
/// a busy hour. A CSV export, which reads every report, asks for it at once when it is done (<see cref="AfterBulkRead"/>;
/// a trim and a collection for each export, a fraction of the export's own reading): what it brought into the cache is
/// of no use to anyone after it. Does nothing on PostgreSQL, whose cache is the
/// server's own, or with Storage:CacheTrimMb 0.
/// </summary>
public sealed class CacheTrim(IDocumentStore store, IOptions<StorageOptions> options, ILogger<CacheTrim> log) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(1);

    private readonly Lock _trimming = new();
    private long _next;

    /// <summary>How long a trim asked for after a bulk read waits for the reads and writes under way to end (new ones wait for it).</summary>
    private static readonly TimeSpan ReadsUnderWay = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// Lets the cache go now, whatever the interval, when it holds more than Storage:CacheTrimMb, once the reads and
    /// writes under way have ended (after <see cref="ReadsUnderWay"/> it is left to the periodic check, once the interval
    /// since the last trim has passed). Returns the bytes let go, 0 when nothing was trimmed.
    /// </summary>
    public long AfterBulkRead() => TrimNow(force: true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (store is not LiteDbStore || options.Value.CacheTrimMb == 0)
        {
            return;
        }

        using var timer = new PeriodicTimer(Tick);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            TrimNow(force: false);
        }
    }

    private long TrimNow(bool force)
    {
        if (store is not LiteDbStore lite || options.Value.CacheTrimMb == 0)
        {
            return 0;
        }

        var between = options.Value.CacheTrimIntervalSeconds * 1000L;
        lock (_trimming)
        {
            if (!force && Environment.TickCount64 < _next)
            {
                return 0;
            }

            try
            {
                var released = lite.TrimCache(options.Value.CacheTrimMb * 1024L * 1024, force ? ReadsUnderWay : TimeSpan.Zero);
                if (released > 0)
                {
                    _next = Environment.TickCount64 + between;
                    GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                    log.LogInformation("The database's page cache ({Megabytes} MB) was let go", released / (1024 * 1024));
                }

                return released;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Tried again after the interval; a store left closed is opened again by its next read or write.
                _next = Environment.TickCount64 + between;
                log.LogWarning(e, "The database's page cache could not be let go");
                return 0;
            }
        }
    }
}
