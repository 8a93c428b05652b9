using System.Collections.Concurrent;
using System.Net;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using VillageBot.Infrastructure.Jobs;
using VillageBot.TestKit;
using VillageBot.Tests.Broadcasts;

namespace VillageBot.Tests.Jobs;

/// <summary>Records each run of a job by its argument.</summary>
public sealed class RecordingJob : IJob
{
    public static readonly ConcurrentDictionary<string, int> Runs = new();

    public static readonly ConcurrentDictionary<string, int> FailuresLeft = new();

    public Task RunAsync(string arg, CancellationToken ct)
    {
        Runs.AddOrUpdate(arg, 1, (_, n) => n + 1);
        if (FailuresLeft.TryGetValue(arg, out var left) && left > 0)
        {
            FailuresLeft[arg] = left - 1;
            throw new InvalidOperationException("failing on purpose");
        }

        return Task.CompletedTask;
    }
}

public sealed class ScheduledJobTests : VillageTest
{
    protected override bool UsesFakeClock => true;

    protected override Action<IServiceCollection>? Configure => services =>
    {
        base.Configure!(services);
        services.AddJob<RecordingJob>("test-recording");
    };

    [Fact]
    public async Task Scheduled_job_runs_once_when_the_fake_clock_reaches_its_time_even_across_a_restart()
    {
        var arg = Guid.NewGuid().ToString("N");
        var jobs = Host.Services.GetRequiredService<IJobScheduler>();
        jobs.Schedule<RecordingJob>(arg, Start.UtcDateTime.AddHours(3));
        jobs.Schedule<RecordingJob>(arg, Start.UtcDateTime.AddHours(2));
        Assert.Equal(Start.UtcDateTime.AddHours(2), jobs.DueAt(jobs.KeyOf<RecordingJob>(arg)));

        Advance(TimeSpan.FromHours(1));
        await Host.IdleAsync();
        Assert.False(RecordingJob.Runs.ContainsKey(arg));

        Host = await Host.RestartAsync();
        Advance(TimeSpan.FromHours(1));
        await WaitAsync(() => RecordingJob.Runs.ContainsKey(arg));
        await Host.IdleAsync();
        Assert.Equal(1, RecordingJob.Runs[arg]);
        Assert.Null(Host.Services.GetRequiredService<IJobScheduler>().DueAt("test-recording:" + arg));
    }

    [Fact]
    public async Task A_job_waiting_in_the_earlier_versions_list_runs_once_after_the_upgrade()
    {
        var arg = Guid.NewGuid().ToString("N");
        var db = Host.Services.GetRequiredService<VillageBot.Infrastructure.Storage.IDocumentStore>();
        db.Collection<LedgerUpgrade.OldJob>(LedgerUpgrade.OldCollection).Insert(new LedgerUpgrade.OldJob
        {
            Id = "test-recording:" + arg,
            Job = "test-recording",
            Arg = arg,
            DueAt = Start.UtcDateTime.AddHours(2),
        });

        Host = await Host.RestartAsync();
        var jobs = Host.Services.GetRequiredService<IJobScheduler>();
        Assert.Equal(Start.UtcDateTime.AddHours(2), jobs.DueAt("test-recording:" + arg));
        Assert.False(Host.Services.GetRequiredService<VillageBot.Infrastructure.Storage.IDocumentStore>().CollectionExists(LedgerUpgrade.OldCollection));

        Advance(TimeSpan.FromHours(2));
        await WaitAsync(() => RecordingJob.Runs.ContainsKey(arg));
        Host = await Host.RestartAsync();
        await Host.IdleAsync();
        Assert.Equal(1, RecordingJob.Runs[arg]);
    }

    [Fact]
    public async Task Failing_job_runs_again_later_on_the_clock()
    {
        var arg = Guid.NewGuid().ToString("N");
        RecordingJob.FailuresLeft[arg] = 1;
        var jobs = Host.Services.GetRequiredService<IJobScheduler>();
        Assert.True(jobs.Enqueue<RecordingJob>(arg));
        await WaitAsync(() => jobs.DueAt("test-recording:" + arg) is not null);
        Assert.Equal(Clock!.GetUtcNow().UtcDateTime.AddSeconds(10), jobs.DueAt("test-recording:" + arg)!.Value, TimeSpan.FromSeconds(1));
        Assert.Equal(1, RecordingJob.Runs[arg]);

        Advance(TimeSpan.FromSeconds(11));
        await WaitAsync(() => RecordingJob.Runs[arg] == 2);
        await Host.IdleAsync();
        Assert.Equal(2, RecordingJob.Runs[arg]);
        Assert.Null(jobs.DueAt("test-recording:" + arg));
    }

    [Fact]
    public async Task Cancelled_job_never_runs()
    {
        var arg = Guid.NewGuid().ToString("N");
        var jobs = Host.Services.GetRequiredService<IJobScheduler>();
        jobs.Schedule<RecordingJob>(arg, Start.UtcDateTime.AddMinutes(5));
        Assert.True(jobs.Cancel(jobs.KeyOf<RecordingJob>(arg)));
        Advance(TimeSpan.FromMinutes(10));
        await Host.IdleAsync();
        Assert.False(RecordingJob.Runs.ContainsKey(arg));
    }

    [Fact]
    public async Task Dashboard_refuses_an_anonymous_request_not_known_to_come_from_this_machine()
    {
        using var client = Host.CreateClient();
        var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.DoesNotContain("VillageBot jobs", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static Task WaitAsync(Func<bool> condition) => Wait.UntilAsync(condition);
}

/// <summary>Keyed jobs in Hangfire's store, without a server: what is waiting, queued or gone for a key.</summary>
public sealed class JobKeyTests
{
    private static readonly DateTime Start = VillageTest.Start.UtcDateTime;

    private readonly InMemoryStorage _storage = new();
    private readonly JobScheduler _jobs;

    public JobKeyTests() => _jobs = new JobScheduler(
        new BackgroundJobClient(_storage, JobFilters.Create(new JobsOptions(), new RunningJobs(), TimeProvider.System)),
        new RecurringJobManager(_storage),
        new JobRegistry([new JobRegistration("test-recording", typeof(RecordingJob))]),
        TimeZoneInfo.FindSystemTimeZoneById("Europe/Riga"),
        NullLogger<JobScheduler>.Instance);

    [Fact]
    public void A_key_is_one_job_whether_scheduled_twice_enqueued_twice_moved_or_cancelled()
    {
        var arg = Guid.NewGuid().ToString("N");
        var key = _jobs.KeyOf<RecordingJob>(arg);
        var monitoring = _storage.GetMonitoringApi();
        _jobs.Schedule<RecordingJob>(arg, Start.AddHours(3));
        _jobs.Schedule<RecordingJob>(arg, Start.AddHours(2));
        Assert.Equal(1, monitoring.ScheduledCount());
        Assert.Equal(Start.AddHours(2), _jobs.DueAt(key));

        // Asked to run now, the waiting job runs now; while it is queued, neither asking again nor cancelling does anything.
        Assert.True(_jobs.Enqueue<RecordingJob>(arg));
        Assert.False(_jobs.Enqueue<RecordingJob>(arg));
        Assert.False(_jobs.Cancel(key));
        Assert.Equal((0L, 1L), (monitoring.ScheduledCount(), monitoring.EnqueuedCount("default")));
        Assert.Null(_jobs.DueAt(key));

        // A queued job not yet started is moved to the new time rather than run twice.
        _jobs.Schedule<RecordingJob>(arg, Start.AddHours(1));
        Assert.Equal(Start.AddHours(1), _jobs.DueAt(key));
        Assert.True(_jobs.Cancel(key));
        Assert.False(_jobs.Cancel(key));
        Assert.Null(_jobs.DueAt(key));
        Assert.Equal(0, monitoring.ScheduledCount());
        Assert.Single(monitoring.DeletedJobs(0, 10));
    }

    [Fact]
    public void A_recurring_job_runs_on_its_cron_in_the_bot_time_zone()
    {
        _jobs.Recurring<RecordingJob>("test-recurring", "*/15 * * * *");
        using var connection = _storage.GetConnection();
        var recurring = Assert.Single(connection.GetRecurringJobs());
        Assert.Equal(("test-recurring", "*/15 * * * *", "Europe/Riga"), (recurring.Id, recurring.Cron, recurring.TimeZoneId));
        Assert.Equal(typeof(RecordingJob), recurring.Job.Type);
    }
}

/// <summary>Keyed jobs in the SQLite store, whose state history can list two states of one moment in either order.</summary>
public sealed class SqliteJobKeyTests : IDisposable
{
    private readonly string _directory = BotHost.NewDataDirectory();
    private readonly Hangfire.Storage.SQLite.SQLiteStorage _storage;
    private readonly JobScheduler _jobs;

    public SqliteJobKeyTests()
    {
        Directory.CreateDirectory(_directory);
        _storage = new Hangfire.Storage.SQLite.SQLiteStorage(Path.Combine(_directory, "jobs.db"), new Hangfire.Storage.SQLite.SQLiteStorageOptions());
        _jobs = new JobScheduler(
            new BackgroundJobClient(_storage, JobFilters.Create(new JobsOptions(), new RunningJobs(), TimeProvider.System)),
            new RecurringJobManager(_storage),
            new JobRegistry([new JobRegistration("test-recording", typeof(RecordingJob))]),
            TimeZoneInfo.Utc,
            NullLogger<JobScheduler>.Instance);
    }

    [Fact]
    public void A_keys_state_is_its_jobs_own_not_the_last_line_of_its_history()
    {
        var arg = Guid.NewGuid().ToString("N");
        var key = _jobs.KeyOf<RecordingJob>(arg);
        var due = DateTime.UtcNow.AddHours(2);
        _jobs.Schedule<RecordingJob>(arg, due);
        var monitoring = _storage.GetMonitoringApi();
        var id = Assert.Single(monitoring.ScheduledJobs(0, 10)).Key;

        // A retry writes the failure it came from and the wait in one moment; the history may list the failure last.
        using (var connection = _storage.GetConnection())
        using (var transaction = connection.CreateWriteTransaction())
        {
            transaction.AddJobState(id, new Hangfire.States.FailedState(new InvalidOperationException("failing on purpose")));
            transaction.Commit();
        }

        Assert.Equal(due, _jobs.DueAt(key)!.Value, TimeSpan.FromMilliseconds(1));
        Assert.True(_jobs.Enqueue<RecordingJob>(arg));
        Assert.False(_jobs.Enqueue<RecordingJob>(arg));
        Assert.Equal((0L, 1L), (monitoring.ScheduledCount(), monitoring.EnqueuedCount("default")));
    }

    public void Dispose()
    {
        _storage.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file the store still holds open goes with the machine's temporary files.
        }
    }
}
