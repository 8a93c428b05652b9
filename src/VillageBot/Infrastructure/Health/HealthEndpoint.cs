using System.Diagnostics;
using System.Text.Json;
using Hangfire;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Infrastructure.Health;

/// <summary>
/// /healthz through ASP.NET Core health checks: whether the bot has started (503 until then, and when its storage
/// fails), and how storage, the job server and Telegram are doing. A job server or Telegram in trouble is
/// reported as degraded and answered 200: the bot keeps taking updates and catches up.
/// </summary>
public static class HealthEndpoint
{
    public const string Path = "/healthz";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StartedCheck>("bot")
            .AddCheck<StorageCheck>("storage")
            .AddCheck<JobServerCheck>("jobs")
            .AddCheck<TelegramCheck>("telegram");
        return services;
    }

    public static WebApplication MapHealth(this WebApplication app)
    {
        var status = app.Services.GetRequiredService<BotStatus>();
        app.MapHealthChecks(Path, new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status200OK,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = (http, report) => http.Response.WriteAsJsonAsync(Body(status, report), Json),
        });
        return app;
    }

    private static object Body(BotStatus status, HealthReport report)
    {
        var checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description });
        var health = report.Status.ToString().ToLowerInvariant();
        return status.Ready
            ? new { status = "ready", mode = status.Mode.ToString().ToLowerInvariant(), uptimeMs = (long)(DateTime.Now - Process.GetCurrentProcess().StartTime).TotalMilliseconds, health, checks }
            : new { status = "starting", mode = (string?)null, uptimeMs = (long?)null, health, checks };
    }
}

/// <summary>Unhealthy until the transport is up (Telegram connected, or local mode).</summary>
public sealed class StartedCheck(BotStatus status) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.Ready ? HealthCheckResult.Healthy($"{status.Mode}".ToLowerInvariant()) : HealthCheckResult.Unhealthy("starting"));
}

/// <summary>The database answers a read.</summary>
public sealed class StorageCheck(IDocumentStore db) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            db.Ping();
            return Task.FromResult(HealthCheckResult.Healthy(db.Location));
        }
        catch (Exception e) when (e is StorageException or IOException or ObjectDisposedException or UnauthorizedAccessException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }
}

/// <summary>A job server has reported to the job store recently.</summary>
public sealed class JobServerCheck(JobStorage storage) : IHealthCheck
{
    /// <summary>Hangfire's servers report every 30 seconds; two missed reports are a problem.</summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(1.5);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var servers = storage.GetMonitoringApi().Servers();
        var alive = servers.Count(s => s.Heartbeat is { } beat && DateTime.UtcNow - beat < Silence);
        return Task.FromResult(alive > 0
            ? HealthCheckResult.Healthy($"{alive} job server(s)")
            : HealthCheckResult.Degraded("no job server has reported in the last 90 seconds"));
    }
}

/// <summary>The latest call to the Bot API got an answer (always healthy in local mode).</summary>
public sealed class TelegramCheck(TelegramReachability reachability, IOptions<TelegramOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            !options.Value.HasToken ? HealthCheckResult.Healthy("local mode")
            : reachability.Failing ? HealthCheckResult.Degraded($"the Bot API did not answer: {reachability.LastError}")
            : HealthCheckResult.Healthy(reachability.LastAnsweredAt is { } at ? $"answered at {at:O}" : "no call yet"));
}
