using Hangfire;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Sending;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Nudges;

/// <summary>
/// Every <see cref="NudgeOptions.ScanInterval"/> (a recurring job, on the injected clock): asks each source for nudges
/// coming due before the next scan, stores them under their unique keys (a key seen before is never planned again)
/// at their time moved out of quiet hours, and wakes the <see cref="NudgeDelivery"/> for the earliest. A scan that
/// fails is not retried: the next one comes within the interval.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class NudgeScan(
    IEnumerable<INudgeSource> sources,
    NudgeStore store,
    NudgeWake wake,
    QuietHours quiet,
    IDocumentStore db,
    IOptions<NudgeOptions> options,
    TimeProvider time,
    ILogger<NudgeScan> log) : IJob
{
    public Task RunAsync(string arg, CancellationToken ct)
    {
        Scan();
        return Task.CompletedTask;
    }

    /// <summary>Plans what has come due; returns how many nudges were added.</summary>
    public int Scan()
    {
        var now = Now;
        var horizon = now + options.Value.ScanInterval;

        // All are stored before the delivery is woken, so it sees everything due at once and sends each person's by priority.
        var added = new List<Nudge>();
        foreach (var source in sources.OrderBy(s => s.Priority))
        {
            foreach (var plan in PlanOf(source, now, horizon))
            {
                if (store.Get(plan.Key) is not null || db.Residents.FindById(plan.ResidentId) is not { Active: true } person || (source.Optional && !person.NudgesEnabled))
                {
                    continue;
                }

                var nudge = new Nudge
                {
                    Key = plan.Key,
                    Kind = source.Kind,
                    ResidentId = plan.ResidentId,
                    Ref = plan.Ref,
                    Basis = plan.Basis,
                    CreatedAt = now,
                    DueAt = quiet.NextAllowed(plan.DueAt > now ? plan.DueAt : now),
                };
                if (store.TryAdd(nudge))
                {
                    added.Add(nudge);
                }
            }
        }

        if (added.Count > 0)
        {
            wake.At(added.Min(n => n.DueAt));
        }

        // A delivery given up after repeated failures leaves nudges pending: they are picked up here.
        if (!wake.IsScheduled && store.NextDue() is { } due)
        {
            wake.At(due);
        }

        if (added.Count > 0)
        {
            log.LogInformation("Planned {Count} nudges: {Kinds}", added.Count, string.Join(", ", added.GroupBy(n => n.Kind).Select(g => $"{g.Key} {g.Count()}")));
        }

        return added.Count;
    }

    /// <summary>One source failing leaves the others planning; it is tried again at the next scan.</summary>
    private IReadOnlyList<NudgePlan> PlanOf(INudgeSource source, DateTime now, DateTime horizon)
    {
        try
        {
            return [.. source.Plan(now, horizon)];
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Planning {Kind} nudges failed; trying again at the next scan", source.Kind);
            return [];
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}

/// <summary>Schedules the delivery for a time, keeping an earlier one already scheduled.</summary>
public sealed class NudgeWake(IJobScheduler jobs)
{
    private readonly Lock _gate = new();

    public void At(DateTime dueUtc)
    {
        lock (_gate)
        {
            if (jobs.DueAt(jobs.KeyOf<NudgeDelivery>("")) is { } scheduled && scheduled <= dueUtc)
            {
                return;
            }

            jobs.Schedule<NudgeDelivery>("", dueUtc);
        }
    }

    public bool IsScheduled => jobs.DueAt(jobs.KeyOf<NudgeDelivery>("")) is not null;
}

/// <summary>Puts the scan on its recurring schedule when the host starts (an unchanged schedule stays as it is).</summary>
public sealed class NudgeScanStart(IJobScheduler jobs, IOptions<NudgeOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.Recurring<NudgeScan>("nudge-scan", options.Value.ScanCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
