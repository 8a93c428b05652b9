using Hangfire;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.Server;
using Hangfire.States;
using Hangfire.Storage;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// Hangfire's job store as this host uses it. On a clock other than the system's (a test's), it tells Hangfire's
/// schedulers that clock's time: scheduled and recurring jobs come due when that clock says so. For a store that is
/// this process's own file (SQLite: one process per data directory), the locks Hangfire's schedulers and state changes
/// take are held in this process's memory: the store's own lock is a row in the file that a stop at the wrong moment
/// leaves held until it expires (half a minute), and whose waiters are woken through one monitor per lock name shared
/// by every store in the process, so a waiter can sleep through its own store's release. Everything else is the store's own.
/// </summary>
internal sealed class HostJobStorage(JobStorage inner, TimeProvider? time, bool locksInMemory) : JobStorage
{
    private readonly MemoryLocks? _locks = locksInMemory ? new MemoryLocks() : null;

    /// <summary>The store this one passes on to.</summary>
    public JobStorage Inner => inner;

    /// <summary>Wraps the store when the clock or the locks need it; otherwise returns it as it is.</summary>
    public static JobStorage For(JobStorage storage, TimeProvider time)
    {
        var own = storage is Hangfire.Storage.SQLite.SQLiteStorage;
        return time == TimeProvider.System && !own ? storage : new HostJobStorage(storage, time == TimeProvider.System ? null : time, own);
    }

    public override bool LinearizableReads => inner.LinearizableReads;

    public override IMonitoringApi GetMonitoringApi() => inner.GetMonitoringApi();

    public override IStorageConnection GetConnection() => new Connection((JobStorageConnection)inner.GetConnection(), time, _locks);

    public override IStorageConnection GetReadOnlyConnection() => new Connection((JobStorageConnection)inner.GetReadOnlyConnection(), time, _locks);

#pragma warning disable CS0618 // Stores that still offer components need them to run.
    [Obsolete("Hangfire's own obsolete member, passed on for stores that still use it.")]
    public override IEnumerable<IServerComponent> GetComponents() => inner.GetComponents();
#pragma warning restore CS0618

    public override IEnumerable<IBackgroundProcess> GetServerRequiredProcesses() => inner.GetServerRequiredProcesses();

    public override IEnumerable<IBackgroundProcess> GetStorageWideProcesses() => inner.GetStorageWideProcesses();

    public override IEnumerable<IStateHandler> GetStateHandlers() => inner.GetStateHandlers();

    public override void WriteOptionsToLog(ILog logger) => inner.WriteOptionsToLog(logger);

    /// <summary>
    /// The store's features, with the clock's time when there is one; with locks in memory, locks are never taken
    /// inside a store's transaction (Hangfire then takes them on the connection, which holds them here).
    /// </summary>
    public override bool HasFeature(string featureId) => featureId switch
    {
        _ when featureId == JobStorageFeatures.Connection.GetUtcDateTime => time is not null || inner.HasFeature(featureId),
        _ when featureId == JobStorageFeatures.Transaction.AcquireDistributedLock => _locks is null && inner.HasFeature(featureId),
        _ => inner.HasFeature(featureId),
    };

    public override string ToString() => inner.ToString() ?? nameof(HostJobStorage);

    /// <summary>
    /// Named locks of one store, each held by one thread at a time and taken again by the thread that holds it (as
    /// Hangfire's stores allow); a release wakes the waiters of that name in this store only.
    /// </summary>
    private sealed class MemoryLocks
    {
        private readonly Dictionary<string, Held> _held = new(StringComparer.Ordinal);

        public IDisposable Acquire(string resource, TimeSpan timeout)
        {
            // A negative timeout (Timeout.InfiniteTimeSpan) waits as long as it takes.
            var deadline = timeout < TimeSpan.Zero ? long.MaxValue : Environment.TickCount64 + (long)Math.Min(timeout.TotalMilliseconds, int.MaxValue);
            var me = Environment.CurrentManagedThreadId;
            lock (_held)
            {
                while (_held.TryGetValue(resource, out var held) && held.Thread != me)
                {
                    var left = deadline - Environment.TickCount64;
                    if (left <= 0)
                    {
                        throw new DistributedLockTimeoutException(resource);
                    }

                    Monitor.Wait(_held, (int)Math.Min(left, int.MaxValue));
                }

                if (_held.TryGetValue(resource, out var mine))
                {
                    mine.Count++;
                }
                else
                {
                    _held[resource] = new Held(me);
                }
            }

            return new Release(this, resource);
        }

        private void Leave(string resource)
        {
            lock (_held)
            {
                if (_held.TryGetValue(resource, out var held) && --held.Count == 0)
                {
                    _held.Remove(resource);
                    Monitor.PulseAll(_held);
                }
            }
        }

        private sealed class Held(int thread)
        {
            public int Thread { get; } = thread;

            public int Count { get; set; } = 1;
        }

        private sealed class Release(MemoryLocks owner, string resource) : IDisposable
        {
            private int _done;

            public void Dispose()
            {
                if (Interlocked.Exchange(ref _done, 1) == 0)
                {
                    owner.Leave(resource);
                }
            }
        }
    }

    private sealed class Connection(JobStorageConnection inner, TimeProvider? time, MemoryLocks? locks) : JobStorageConnection
    {
        public override DateTime GetUtcDateTime() => time is not null ? time.GetUtcNow().UtcDateTime : inner.GetUtcDateTime();

        public override void Dispose()
        {
            inner.Dispose();
            base.Dispose();
        }

        public override IWriteOnlyTransaction CreateWriteTransaction() => inner.CreateWriteTransaction();

        public override IDisposable AcquireDistributedLock(string resource, TimeSpan timeout) =>
            locks is not null ? locks.Acquire(resource, timeout) : inner.AcquireDistributedLock(resource, timeout);

        public override string CreateExpiredJob(Job job, IDictionary<string, string> parameters, DateTime createdAt, TimeSpan expireIn) =>
            inner.CreateExpiredJob(job, parameters, createdAt, expireIn);

        public override IFetchedJob FetchNextJob(string[] queues, CancellationToken cancellationToken) => inner.FetchNextJob(queues, cancellationToken);

        public override void SetJobParameter(string id, string name, string value) => inner.SetJobParameter(id, name, value);

        public override string GetJobParameter(string id, string name) => inner.GetJobParameter(id, name);

        public override JobData GetJobData(string jobId) => inner.GetJobData(jobId);

        public override StateData GetStateData(string jobId) => inner.GetStateData(jobId);

        public override void AnnounceServer(string serverId, ServerContext context) => inner.AnnounceServer(serverId, context);

        public override void RemoveServer(string serverId) => inner.RemoveServer(serverId);

        public override void Heartbeat(string serverId) => inner.Heartbeat(serverId);

        public override int RemoveTimedOutServers(TimeSpan timeOut) => inner.RemoveTimedOutServers(timeOut);

        public override HashSet<string> GetAllItemsFromSet(string key) => inner.GetAllItemsFromSet(key);

        public override string GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore) => inner.GetFirstByLowestScoreFromSet(key, fromScore, toScore);

        public override List<string> GetFirstByLowestScoreFromSet(string key, double fromScore, double toScore, int count) =>
            inner.GetFirstByLowestScoreFromSet(key, fromScore, toScore, count);

        public override long GetSetCount(string key) => inner.GetSetCount(key);

        public override long GetSetCount(IEnumerable<string> keys, int limit) => inner.GetSetCount(keys, limit);

        public override bool GetSetContains(string key, string value) => inner.GetSetContains(key, value);

        public override List<string> GetRangeFromSet(string key, int startingFrom, int endingAt) => inner.GetRangeFromSet(key, startingFrom, endingAt);

        public override TimeSpan GetSetTtl(string key) => inner.GetSetTtl(key);

        public override void SetRangeInHash(string key, IEnumerable<KeyValuePair<string, string>> keyValuePairs) => inner.SetRangeInHash(key, keyValuePairs);

        public override Dictionary<string, string> GetAllEntriesFromHash(string key) => inner.GetAllEntriesFromHash(key);

        public override string GetValueFromHash(string key, string name) => inner.GetValueFromHash(key, name);

        public override long GetHashCount(string key) => inner.GetHashCount(key);

        public override TimeSpan GetHashTtl(string key) => inner.GetHashTtl(key);

        public override long GetListCount(string key) => inner.GetListCount(key);

        public override List<string> GetAllItemsFromList(string key) => inner.GetAllItemsFromList(key);

        public override List<string> GetRangeFromList(string key, int startingFrom, int endingAt) => inner.GetRangeFromList(key, startingFrom, endingAt);

        public override TimeSpan GetListTtl(string key) => inner.GetListTtl(key);

        public override long GetCounter(string key) => inner.GetCounter(key);
    }
}
