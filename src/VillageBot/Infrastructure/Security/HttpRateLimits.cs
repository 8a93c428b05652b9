using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Infrastructure.Security;

/// <summary>
/// One limiter for the endpoints a stranger can reach: Open311, the sign-in link, the local chat API, the
/// villages' public pages and the webhook, each counted per client address (after <see cref="NetworkStartup"/> has applied trusted forwarded
/// headers). A refused request gets 429 with Retry-After.
/// </summary>
public static class HttpRateLimits
{
    public static IServiceCollection AddHttpRateLimits(this IServiceCollection services)
    {
        services.AddOptions<RateLimitOptions>().BindConfiguration(RateLimitOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<RateLimitOptions>, IOptions<TelegramOptions>>((o, limits, telegram) =>
        {
            var webhook = telegram.Value.UsesWebhook ? new Uri(telegram.Value.WebhookUrl!).AbsolutePath : null;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http => Partition(http, limits.Value, webhook));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = (context, ct) =>
            {
                var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? Math.Max(1, (int)Math.Ceiling(after.TotalSeconds)) : 60;
                context.HttpContext.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
                return new ValueTask(context.HttpContext.Response.WriteAsync($"Too many requests; try again in {seconds} s.", ct));
            };
        });
        return services;
    }

    private static RateLimitPartition<string> Partition(HttpContext http, RateLimitOptions limits, string? webhook)
    {
        var path = http.Request.Path;
        var (area, perMinute) =
            path.StartsWithSegments("/open311") ? ("open311", limits.Open311PerMinute)
            : path.StartsWithSegments("/web/login") ? ("login", limits.LoginPerMinute)
            : path.StartsWithSegments("/chat/api") ? ("chat", limits.ChatApiPerMinute)
            : path.StartsWithSegments("/v") ? ("public", limits.PublicPagePerMinute)
            : webhook is not null && path.Equals(webhook, StringComparison.Ordinal) ? ("webhook", limits.WebhookPerMinute)
            : ("", 0);
        if (perMinute <= 0)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var key = $"{area}|{http.Connection.RemoteIpAddress}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
