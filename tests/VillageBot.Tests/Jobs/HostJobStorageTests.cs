using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using VillageBot.Infrastructure.Jobs;
using VillageBot.TestKit;

namespace VillageBot.Tests.Jobs;

/// <summary>The locks Hangfire takes on the SQLite store are this process's own (<see cref="HostJobStorage"/>).</summary>
public sealed class HostJobStorageTests : IDisposable
{
    private readonly string _directory = BotHost.NewDataDirectory();

    public HostJobStorageTests() => Directory.CreateDirectory(_directory);

    private SQLiteStorage NewSqlite(string name) => new(Path.Combine(_directory, name), new SQLiteStorageOptions());

    [Fact]
    public void A_lock_left_in_the_file_by_a_stopped_process_holds_up_nothing()
    {
        using var sqlite = NewSqlite("jobs.db");

        // What a process stopped while it held the recurring jobs' lock leaves behind: the store's row, held for half a minute.
        using var left = sqlite.GetConnection();
        using var stale = left.AcquireDistributedLock("recurring-jobs:lock", TimeSpan.FromSeconds(1));

        var storage = HostJobStorage.For(sqlite, TimeProvider.System);

        // Hangfire's schedulers and state changes then lock on the connection, never inside the store's transaction.
        Assert.True(sqlite.HasFeature(Hangfire.Storage.JobStorageFeatures.Transaction.AcquireDistributedLock));
        Assert.False(storage.HasFeature(Hangfire.Storage.JobStorageFeatures.Transaction.AcquireDistributedLock));
        using var connection = storage.GetConnection();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        using (connection.AcquireDistributedLock("recurring-jobs:lock", TimeSpan.FromSeconds(5)))
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        }
    }

    [Fact]
    public async Task A_lock_is_held_by_one_thread_taken_again_by_it_and_waited_for_by_the_others()
    {
        using var storage = NewSqlite("jobs.db");
        var host = HostJobStorage.For(storage, TimeProvider.System);
        using var connection = host.GetConnection();

        var outer = connection.AcquireDistributedLock("job:7:state-lock", TimeSpan.FromSeconds(1));
        var inner = connection.AcquireDistributedLock("job:7:state-lock", TimeSpan.FromSeconds(1));

        // Another thread times out while the lock is held (twice), and gets it as soon as the last hold ends.
        await OnAnotherThread(() => Assert.Throws<DistributedLockTimeoutException>(() => host.GetConnection().AcquireDistributedLock("job:7:state-lock", TimeSpan.FromMilliseconds(200))));
        inner.Dispose();
        await OnAnotherThread(() => Assert.Throws<DistributedLockTimeoutException>(() => host.GetConnection().AcquireDistributedLock("job:7:state-lock", TimeSpan.FromMilliseconds(200))));

        var waiting = OnAnotherThread(() =>
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            using var got = host.GetConnection().AcquireDistributedLock("job:7:state-lock", TimeSpan.FromSeconds(30));
            return watch.Elapsed;
        });
        await Wait.UntilAsync(() => waiting.Status == TaskStatus.Running, TimeSpan.FromSeconds(5));
        outer.Dispose();
        Assert.True(await waiting < TimeSpan.FromSeconds(10), "the waiter got the lock once it was let go");

        // A lock of another name was never in the way.
        using var other = connection.AcquireDistributedLock("job:8:state-lock", TimeSpan.FromMilliseconds(100));
    }

    /// <summary>A thread of its own: a task of the pool could run on the thread that holds the lock.</summary>
    private static Task<T> OnAnotherThread<T>(Func<T> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    [Fact]
    public void Two_stores_in_one_process_lock_apart()
    {
        using var first = NewSqlite("first.db");
        using var second = NewSqlite("second.db");
        using var held = HostJobStorage.For(first, TimeProvider.System).GetConnection().AcquireDistributedLock("locks:schedulepoller", TimeSpan.FromSeconds(1));

        using var connection = HostJobStorage.For(second, TimeProvider.System).GetConnection();
        using var got = connection.AcquireDistributedLock("locks:schedulepoller", TimeSpan.FromMilliseconds(200));
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
