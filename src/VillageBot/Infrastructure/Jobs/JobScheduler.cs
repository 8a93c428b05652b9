using Hangfire;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;

namespace VillageBot.Infrastructure.Jobs;

public sealed class JobScheduler(
    JobLedger ledger,
    JobRegistry registry,
    IBackgroundJobClient client,
    IRecurringJobManager recurring,
    IOptions<BotOptions> bot,
    TimeProvider time,
    ILogger<JobScheduler> log) : IJobScheduler
{
    public bool Enqueue<TJob>(string arg, string? key = null)
        where TJob : IJob
    {
        var name = registry.NameOf(typeof(TJob));
        key ??= Key(name, arg);
        var entry = ledger.Atomically(() =>
        {
            var existing = ledger.Get(key);
            if (existing?.State == JobEntryState.Dispatched)
            {
                return null;
            }

            var e = existing ?? new JobEntry { Key = key, Job = name, Arg = arg, CreatedAt = Now };
            e.Job = name;
            e.Arg = arg;
            e.DueAt = Now;
            e.State = JobEntryState.Dispatched;
            e.RunId = JobLedger.NewRunId();
            ledger.Save(e);
            return e;
        });
        if (entry is null)
        {
            return false;
        }

        Dispatch(client, ledger, entry);
        return true;
    }

    public void Schedule<TJob>(string arg, DateTime dueUtc, string? key = null)
        where TJob : IJob
    {
        var name = registry.NameOf(typeof(TJob));
        key ??= Key(name, arg);
        ledger.Atomically(() =>
        {
            var e = ledger.Get(key) ?? new JobEntry { Key = key, CreatedAt = Now };
            e.Job = name;
            e.Arg = arg;
            e.DueAt = DateTime.SpecifyKind(dueUtc, DateTimeKind.Utc);
            e.State = JobEntryState.Waiting;

            // A run already under way keeps going; its new run id makes it leave this entry in place when it ends.
            e.RunId = JobLedger.NewRunId();
            ledger.Save(e);
            return e;
        });
        log.LogDebug("Scheduled {Key} at {Due:u}", key, dueUtc);
    }

    public bool Cancel(string key) =>
        ledger.Atomically(() => ledger.Get(key) is { State: JobEntryState.Waiting } && ledger.Delete(key));

    public DateTime? DueAt(string key) => ledger.Get(key) is { State: JobEntryState.Waiting } e ? e.DueAt : null;

    public void Recurring<TJob>(string id, string cron, string arg = "")
        where TJob : IJob
    {
        var name = registry.NameOf(typeof(TJob));
        recurring.AddOrUpdate<JobRunner>(id, r => r.RunRecurringAsync(name, arg, CancellationToken.None), cron, new RecurringJobOptions { TimeZone = TimeZoneInfo.FindSystemTimeZoneById(bot.Value.TimeZone) });
    }

    public string KeyOf<TJob>(string arg)
        where TJob : IJob => Key(registry.NameOf(typeof(TJob)), arg);

    /// <summary>Hands an entry already marked as dispatched to Hangfire and remembers its Hangfire id.</summary>
    internal static void Dispatch(IBackgroundJobClient client, JobLedger ledger, JobEntry entry)
    {
        var runId = entry.RunId;
        var id = client.Enqueue<JobRunner>(r => r.RunAsync(entry.Key, runId, CancellationToken.None));
        ledger.Atomically(() =>
        {
            if (ledger.Get(entry.Key) is { } current && current.RunId == runId)
            {
                current.HangfireId = id;
                ledger.Save(current);
            }

            return 0;
        });
    }

    private static string Key(string name, string arg) => arg.Length == 0 ? name : name + ":" + arg;

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
