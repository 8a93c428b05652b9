using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Privacy;

public sealed class PrivacyOptions
{
    public const string Section = "Privacy";

    /// <summary>The least time between two compactions of the database after /forget; requests in between are joined into one.</summary>
    public TimeSpan CompactInterval { get; set; } = TimeSpan.FromHours(1);
}

/// <summary>
/// Deleted documents stay readable in free pages of the data file until it is rebuilt; rebuilding writes only live
/// data, so nothing of an erased person remains on disk. A rebuild locks the whole database, so it runs here in the
/// background, at most once per <see cref="PrivacyOptions.CompactInterval"/>, however many people ask to be
/// forgotten — and once more at shutdown if one is still owed.
/// </summary>
public sealed class DatabaseCompaction(Db db, IOptions<PrivacyOptions> options, TimeProvider time, ILogger<DatabaseCompaction> log) : BackgroundService
{
    private readonly SemaphoreSlim _requested = new(0, 1);
    private readonly Lock _gate = new();
    private int _pending;
    private DateTimeOffset _last = DateTimeOffset.MinValue;

    /// <summary>How many compactions ran since start.</summary>
    public int Runs { get; private set; }

    /// <summary>A compaction is owed and not yet done.</summary>
    public bool Pending => Volatile.Read(ref _pending) == 1;

    public void Request()
    {
        if (Interlocked.Exchange(ref _pending, 1) == 0)
        {
            _requested.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await _requested.WaitAsync(stoppingToken);
            var wait = _last == DateTimeOffset.MinValue ? TimeSpan.Zero : _last + options.Value.CompactInterval - time.GetUtcNow();
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, stoppingToken);
            }

            Compact();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (Pending)
        {
            Compact();
        }
    }

    private void Compact()
    {
        lock (_gate)
        {
            if (Interlocked.Exchange(ref _pending, 0) == 0)
            {
                return;
            }

            db.Database.Checkpoint();
            db.Database.Rebuild();
            _last = time.GetUtcNow();
            Runs++;
            log.LogInformation("Compacted the database after erasures");
        }
    }
}
