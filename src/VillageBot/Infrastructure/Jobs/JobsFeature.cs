using Hangfire;
using Hangfire.AspNetCore;
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
    /// Hangfire with a job store per host (never the static JobStorage.Current, so several hosts can share a
    /// process, as tests do), the ledger of unfinished jobs and the dispatcher that asks the clock what is due.
    /// </summary>
    public static IServiceCollection AddJobs(this IServiceCollection services)
    {
        services.AddOptions<JobsOptions>().BindConfiguration(JobsOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<JobStorage>(sp => CreateStorage(sp.GetRequiredService<IOptions<JobsOptions>>().Value, sp.GetRequiredService<IOptions<StorageOptions>>().Value));
        services.AddSingleton<JobActivator>(sp => new AspNetCoreJobActivator(sp.GetRequiredService<IServiceScopeFactory>()));
        services.AddHangfire((sp, config) => config
            .UseLogProvider(new HostLogProvider(sp.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());
        services.AddHangfireServer((sp, server) =>
        {
            var o = sp.GetRequiredService<IOptions<JobsOptions>>().Value;
            server.WorkerCount = o.WorkerCount;
            server.SchedulePollingInterval = o.PollingInterval;
            server.ServerCheckInterval = TimeSpan.FromMinutes(1);
            server.ServerName = $"villagebot-{Environment.MachineName}-{Environment.ProcessId}";
        });

        services.AddSingleton<JobLedger>();
        services.AddSingleton<JobRegistry>();
        services.AddSingleton<RunningJobs>();
        services.AddSingleton<IJobScheduler, JobScheduler>();
        services.AddTransient<JobRunner>();
        services.AddSingleton<JobDispatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<JobDispatcher>());
        return services;
    }

    /// <summary>Registers a job under a stable name (stored with scheduled work, shown in the dashboard).</summary>
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

    public static JobStorage CreateStorage(JobsOptions o, StorageOptions storage) => o.Storage switch
    {
        JobStorageKind.PostgreSql => new PostgreSqlStorage(
            new NpgsqlConnectionFactory(o.ConnectionString!, new PostgreSqlStorageOptions { QueuePollInterval = o.PollingInterval, PrepareSchemaIfNecessary = true }),
            new PostgreSqlStorageOptions { QueuePollInterval = o.PollingInterval, PrepareSchemaIfNecessary = true }),
        JobStorageKind.Redis => new RedisStorage(o.ConnectionString!, new RedisStorageOptions { Prefix = "villagebot:" }),
        _ => SqliteStorage(o, storage),
    };

    private static SQLiteStorage SqliteStorage(JobsOptions o, StorageOptions storage)
    {
        Directory.CreateDirectory(storage.ResolvedDirectory);
        return new SQLiteStorage(Path.Combine(storage.ResolvedDirectory, "jobs.db"), new SQLiteStorageOptions { QueuePollInterval = o.PollingInterval });
    }
}
