using System.Collections.Concurrent;
using Hangfire;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>The job keys running in this process, each at most once at a time.</summary>
public sealed class RunningJobs
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new(StringComparer.Ordinal);
    private int _count;

    public int Count => Volatile.Read(ref _count);

    /// <summary>Waits until no other run of the key is under way in this process.</summary>
    public void Enter(string key, CancellationToken ct)
    {
        _gates.GetOrAdd(key, _ => new SemaphoreSlim(1, 1)).Wait(ct);
        Interlocked.Increment(ref _count);
    }

    public void Leave(string key)
    {
        Interlocked.Decrement(ref _count);
        _gates[key].Release();
    }
}

/// <summary>
/// The filters every job of this host runs under, in place of Hangfire's global defaults: the retry policy from
/// <see cref="JobsOptions"/>, one run per key at a time and, on a clock other than the system's, retries timed by it.
/// </summary>
public static class JobFilters
{
    public static IJobFilterProvider Create(JobsOptions options, RunningJobs running, TimeProvider time)
    {
        var filters = new JobFilterCollection
        {
            // Waits longer after each failure: 10 s, 40 s, 90 s, … A job class may say otherwise with its own
            // [AutomaticRetry]; one that must not run twice says Attempts = 0.
            new AutomaticRetryAttribute { Attempts = options.MaxAttempts - 1, DelayInSecondsByAttemptFunc = attempt => (int)(10 * attempt * attempt) },
            new OneRunAtATime(running),
            new RememberDueTime(),
        };
        if (time != TimeProvider.System)
        {
            // After AutomaticRetry (order 20) has chosen the delay.
            filters.Add(new RetryOnTheBotClock(time) { Order = 30 });
        }

        // Hangfire's global filters (culture, statistics, continuations, its default retry) first: filters of the
        // same kind later in the list replace them, and attributes on a job class replace both.
        return new JobFilterProviderCollection(JobFilterProviders.Providers, filters);
    }

    /// <summary>A second run of a key (a retry, or a job enqueued again while one runs) waits for the first to end.</summary>
    private sealed class OneRunAtATime(RunningJobs running) : IServerFilter
    {
        private const string Held = "villagebot-key";

        public void OnPerforming(PerformingContext context)
        {
            var key = context.GetJobParameter<string>(JobScheduler.KeyParameter, allowStale: true) ?? context.GetJobParameter<string>("RecurringJobId", allowStale: true);
            if (key is not null)
            {
                running.Enter(key, context.CancellationToken.ShutdownToken);
                context.Items[Held] = key;
            }
        }

        public void OnPerformed(PerformedContext context)
        {
            if (context.Items.TryGetValue(Held, out var key))
            {
                running.Leave((string)key);
            }
        }
    }

    /// <summary>
    /// Keeps, in the key's hash and in the same transaction, when a keyed job that now waits is due: a store's state
    /// history may list two states of one moment in either order, so the due time is not read back from it.
    /// </summary>
    private sealed class RememberDueTime : IApplyStateFilter
    {
        public void OnStateApplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
        {
            if (context.NewState is ScheduledState scheduled && context.GetJobParameter<string>(JobScheduler.KeyParameter, allowStale: true) is { } key)
            {
                transaction.SetRangeInHash(JobScheduler.HashOf(key), [new("Id", context.BackgroundJob.Id), new(JobScheduler.DueField, JobHelper.SerializeDateTime(scheduled.EnqueueAt))]);
            }
        }

        public void OnStateUnapplied(ApplyStateContext context, IWriteOnlyTransaction transaction)
        {
        }
    }

    /// <summary>
    /// Hangfire times a retry from the system clock; on another clock (a test's) the retry is moved by as much, so
    /// "10 s later" is 10 s on the clock that decides what is due.
    /// </summary>
    private sealed class RetryOnTheBotClock(TimeProvider time) : JobFilterAttribute, IElectStateFilter
    {
        public void OnStateElection(ElectStateContext context)
        {
            // AutomaticRetry's own mark of a retry, as Hangfire itself recognises it.
            if (context.CandidateState is ScheduledState retry && retry.Reason?.StartsWith("Retry attempt", StringComparison.OrdinalIgnoreCase) == true)
            {
                context.CandidateState = new ScheduledState(time.GetUtcNow().UtcDateTime + (retry.EnqueueAt - retry.ScheduledAt)) { Reason = retry.Reason };
            }
        }
    }
}
