using Hangfire;
using Microsoft.Extensions.Options;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// Asks the injected clock which jobs are due and hands them to Hangfire. Hangfire's own scheduler keeps real
/// time, so due times live here instead: tests that move a fake clock see their jobs run.
/// </summary>
public sealed class JobDispatcher(
    JobLedger ledger,
    IBackgroundJobClient client,
    IOptions<JobsOptions> options,
    TimeProvider time,
    ILogger<JobDispatcher> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ledger.Resumed > 0)
        {
            log.LogInformation("Resuming {Count} jobs interrupted by the last stop", ledger.Resumed);
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                DispatchDue();
            }
            catch (Exception e)
            {
                log.LogWarning(e, "Dispatching due jobs failed; trying again");
            }

            // The polling cadence is physical time on purpose; only "is it due" is asked of the injected clock.
            await Task.Delay(options.Value.DispatchInterval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    /// <summary>Dispatches every job whose time has come; returns how many.</summary>
    public int DispatchDue()
    {
        var count = 0;
        while (true)
        {
            var now = time.GetUtcNow().UtcDateTime;
            var due = ledger.Due(now, 100);
            if (due.Count == 0)
            {
                return count;
            }

            foreach (var candidate in due)
            {
                var entry = ledger.Atomically(() =>
                {
                    if (ledger.Get(candidate.Key) is not { State: JobEntryState.Waiting } e || e.DueAt > now)
                    {
                        return null;
                    }

                    e.State = JobEntryState.Dispatched;
                    ledger.Save(e);
                    return e;
                });
                if (entry is not null)
                {
                    JobScheduler.Dispatch(client, ledger, entry);
                    count++;
                }
            }
        }
    }
}
