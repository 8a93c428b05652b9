using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// Carries over what an earlier version kept in its own job list (the LiteDB collection "jobs": broadcasts and poll
/// closes waiting for their time, runs a stop interrupted) into Hangfire's store once, at the first start of this
/// version, so an upgrade loses no scheduled work. Then the old list is dropped.
/// </summary>
internal sealed class LedgerUpgrade(IDocumentStore db, IJobScheduler scheduler, JobRegistry registry, TimeProvider time, ILogger<LedgerUpgrade> log) : IHostedService
{
    public const string OldCollection = "jobs";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!db.CollectionExists(OldCollection))
        {
            return Task.CompletedTask;
        }

        var schedule = typeof(IJobScheduler).GetMethod(nameof(IJobScheduler.Schedule))!;
        var carried = 0;
        foreach (var entry in db.Collection<OldJob>(OldCollection).FindAll().ToList())
        {
            var name = entry.Job;
            if (registry.TypeOf(name ?? "") is not { } type)
            {
                log.LogWarning("A job of the earlier version, {Job}, is no longer known; it is dropped", name);
                continue;
            }

            var due = entry.DueAt?.ToUniversalTime() ?? time.GetUtcNow().UtcDateTime;
            schedule.MakeGenericMethod(type).Invoke(scheduler, [entry.Arg ?? "", due]);
            carried++;
        }

        db.DropCollection(OldCollection);
        log.LogInformation("Carried {Count} waiting jobs of the earlier version over to the job store", carried);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>An entry of the earlier list, as far as carrying it over needs.</summary>
    public sealed class OldJob
    {
        public string Id { get; set; } = "";

        public string? Job { get; set; }

        public string? Arg { get; set; }

        public DateTime? DueAt { get; set; }
    }
}
