using System.Collections.Concurrent;
using System.Net;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Storage;
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
        Host.Services.GetRequiredService<JobDispatcher>().DispatchDue();
        Assert.False(RecordingJob.Runs.ContainsKey(arg));

        Host = await Host.RestartAsync();
        Advance(TimeSpan.FromHours(1));
        await WaitAsync(() => RecordingJob.Runs.ContainsKey(arg) && Host.Services.GetRequiredService<JobLedger>().Get("test-recording:" + arg) is null);
        Assert.Equal(1, RecordingJob.Runs[arg]);
        Assert.Null(Host.Services.GetRequiredService<IJobScheduler>().DueAt("test-recording:" + arg));
    }

    [Fact]
    public async Task Failing_job_runs_again_later_on_the_clock()
    {
        var arg = Guid.NewGuid().ToString("N");
        RecordingJob.FailuresLeft[arg] = 1;
        Assert.True(Host.Services.GetRequiredService<IJobScheduler>().Enqueue<RecordingJob>(arg));
        var ledger = Host.Services.GetRequiredService<JobLedger>();
        await WaitAsync(() => ledger.Get("test-recording:" + arg) is { State: JobEntryState.Waiting, Failures: 1 });

        Advance(TimeSpan.FromSeconds(11));
        await WaitAsync(() => ledger.Get("test-recording:" + arg) is null);
        Assert.Equal(2, RecordingJob.Runs[arg]);
    }

    [Fact]
    public async Task Cancelled_job_never_runs()
    {
        var arg = Guid.NewGuid().ToString("N");
        var jobs = Host.Services.GetRequiredService<IJobScheduler>();
        jobs.Schedule<RecordingJob>(arg, Start.UtcDateTime.AddMinutes(5));
        Assert.True(jobs.Cancel(jobs.KeyOf<RecordingJob>(arg)));
        Advance(TimeSpan.FromMinutes(10));
        Host.Services.GetRequiredService<JobDispatcher>().DispatchDue();
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

    private static async Task WaitAsync(Func<bool> condition)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, "condition not reached in time");
            await Task.Delay(20);
        }
    }
}

public sealed class JobLedgerTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "villagebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void Work_handed_to_hangfire_before_a_stop_waits_again_under_a_new_run_id()
    {
        string oldRun;
        using (var db = NewDb())
        {
            var ledger = new JobLedger(db);
            oldRun = JobLedger.NewRunId();
            ledger.Save(new JobEntry { Key = "broadcast:7", Job = "broadcast", Arg = "7", State = JobEntryState.Dispatched, RunId = oldRun });
            ledger.Save(new JobEntry { Key = "poll-close:3", Job = "poll-close", Arg = "3", State = JobEntryState.Waiting, RunId = "w", DueAt = DateTime.UtcNow.AddDays(1) });
        }

        using var reopened = NewDb();
        var after = new JobLedger(reopened);
        Assert.Equal(1, after.Resumed);
        var entry = after.Get("broadcast:7")!;
        Assert.Equal(JobEntryState.Waiting, entry.State);
        Assert.NotEqual(oldRun, entry.RunId);
        Assert.Equal("w", after.Get("poll-close:3")!.RunId);
    }

    [Fact]
    public async Task A_run_whose_id_was_replaced_does_nothing_and_the_dispatcher_hands_due_work_to_hangfire()
    {
        using var db = NewDb();
        var clock = new FakeTimeProvider(VillageTest.Start);
        var storage = new InMemoryStorage();
        var client = new BackgroundJobClient(storage);
        var services = new ServiceCollection()
            .AddSingleton(db)
            .AddSingleton<TimeProvider>(clock)
            .AddSingleton<JobLedger>()
            .AddSingleton<RunningJobs>()
            .AddSingleton(Options.Create(new JobsOptions()))
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>))
            .AddSingleton(new JobRegistration("test-recording", typeof(RecordingJob)))
            .AddSingleton<JobRegistry>()
            .AddTransient<RecordingJob>()
            .AddTransient<JobRunner>()
            .BuildServiceProvider();
        var ledger = services.GetRequiredService<JobLedger>();
        var arg = Guid.NewGuid().ToString("N");
        ledger.Save(new JobEntry { Key = "k" + arg, Job = "test-recording", Arg = arg, State = JobEntryState.Waiting, RunId = "r", DueAt = clock.GetUtcNow().UtcDateTime.AddMinutes(1) });

        var dispatcher = new JobDispatcher(ledger, client, Options.Create(new JobsOptions()), clock, NullLogger<JobDispatcher>.Instance);
        Assert.Equal(0, dispatcher.DispatchDue());
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(1, dispatcher.DispatchDue());
        Assert.Equal(1, storage.GetMonitoringApi().EnqueuedCount("default"));
        var dispatched = ledger.Get("k" + arg)!;
        Assert.Equal(JobEntryState.Dispatched, dispatched.State);
        Assert.NotNull(dispatched.HangfireId);

        var runner = services.GetRequiredService<JobRunner>();
        await runner.RunAsync("k" + arg, "not-the-current-run", CancellationToken.None);
        Assert.False(RecordingJob.Runs.ContainsKey(arg));
        await runner.RunAsync("k" + arg, dispatched.RunId, CancellationToken.None);
        await runner.RunAsync("k" + arg, dispatched.RunId, CancellationToken.None);
        Assert.Equal(1, RecordingJob.Runs[arg]);
        Assert.Null(ledger.Get("k" + arg));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private Db NewDb() => new(Options.Create(new StorageOptions { DataDirectory = _directory }));
}
