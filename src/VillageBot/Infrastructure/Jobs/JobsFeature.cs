using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Hangfire.Redis.StackExchange;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.Jobs;

public static class JobsFeature
{
    public const string DashboardPath = "/hangfire";

    /// <summary>
    /// Hangfire, the one place that knows what runs when: a job store per host (never the static JobStorage.Current,
    /// so several hosts can share a process, as tests do), this host's job filters, and schedulers that ask the
    /// injected clock what is due.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RunningJobs>();
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<IGlobalConfiguration>();
            var storage = CreateStorage(sp.GetRequiredService<IOptions<JobsOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value);
            return HostJobStorage.For(storage, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton(sp => JobFilters.Create(sp.GetRequiredService<IOptions<JobsOptions>>().Value, sp.GetRequiredService<RunningJobs>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IRecurringJobManagerV2>(sp =>
        {
            var time = sp.GetRequiredService<TimeProvider>();
            return new RecurringJobManager(sp.GetRequiredService<JobStorage>(), sp.GetRequiredService<IJobFilterProvider>(), sp.GetRequiredService<ITimeZoneResolver>(), () => time.GetUtcNow().UtcDateTime);
        });
        services.AddSingleton<IRecurringJobManager>(sp => sp.GetRequiredService<IRecurringJobManagerV2>());
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        // Before the server: jobs a crashed process left behind are queued again before any worker fetches.
        services.AddHostedService<ResumeInterruptedJobs>();
        services.AddHangfireServer((sp, server) =>
        {
            var o = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = o.WorkerCount;
            server.SchedulePollingInterval = o.PollingInterval;
            server.ServerCheckInterval = TimeSpan.FromMinutes(1);
            server.ServerName = $"villagebot-{Environment.MachineName}-{Environment.ProcessId}";
        });

        services.AddSingleton<JobRegistry>();
        services.AddSingleton<IJobScheduler, JobScheduler>();
        services.AddSingleton<JobBacklog>();
        services.AddHostedService<LedgerUpgrade>();
        return services;
    }

    /// <summary>Registers a job under a stable name (its key is "name:arg").</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, string name)
        where TJob : class, IJob
    {
        services.AddScoped<TJob>();
        services.AddSingleton(new JobRegistration(name, typeof(TJob)));
        return services;
    }

    /// <summary>The job dashboard, open to whoever <paramref name="authorization"/> lets in.</summary>
    public static WebApplication MapJobsDashboard(this WebApplication app, IDashboardAuthorizationFilter authorization)
    {
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [authorization],
            DashboardTitle = "VillageBot jobs",
            DisplayStorageConnectionString = false,
            AppPath = null,
        });
        return app;
    }

    /// <summary>
    /// The job store. On PostgreSQL Hangfire keeps its own schema ("hangfire"), beside the documents' "villagebot",
    /// and applies its schema at start under its own lock.
    /// </summary>
    public static JobStorage CreateStorage(JobsOptions o, StorageOptions storage) => o.StorageWith(storage) switch
    {
        JobStorageKind.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(o.ConnectionStringWith(storage)!, PostgreSqlOptions(o)),
            PostgreSqlOptions(o)),
        JobStorageKind.Redis => new RedisStorage(o.ConnectionString!, new RedisStorageOptions { Prefix = "villagebot:" }),
        _ => SqliteStorage(o, storage),
    };

    /// <summary>
    /// A job is fetched by one instance and hidden from the others while
    /// that instance keeps renewing it; a dead instance's job reappears after Jobs:TakeOverAfterSeconds.
    /// </summary>
    private static PostgreSqlStorageOptions PostgreSqlOptions(JobsOptions o) => new()
    {
        QueuePollInterval = o.PollingInterval,
        PrepareSchemaIfNecessary = true,
        UseSlidingInvisibilityTimeout = true,
        InvisibilityTimeout = TimeSpan.FromSeconds(o.TakeOverAfterSeconds),
    };

    private static SQLiteStorage SqliteStorage(JobsOptions o, StorageOptions storage)
    {
        Directory.CreateDirectory(storage.ResolvedDirectory);
        return new SQLiteStorage(Path.Combine(storage.ResolvedDirectory, "jobs.db"), new SQLiteStorageOptions { QueuePollInterval = o.PollingInterval });
    }
}
