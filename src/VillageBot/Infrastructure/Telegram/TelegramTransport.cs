using Microsoft.Extensions.Options;
using Telegram.Bot;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Infrastructure.Telegram;

public static class TelegramTransport
{
    /// <summary>
    /// Telegram when a token is configured; otherwise <typeparamref name="TLocalMessenger"/> stands in for it (local
    /// mode). Decided when resolved, from options.
    /// </summary>
    public static IServiceCollection AddTelegramTransport<TLocalMessenger>(this IServiceCollection services)
        where TLocalMessenger : class, IMessenger
    {
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TelegramReachability>();
        services.AddHttpClient("telegram", (sp, http) => http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<TelegramOptions>>().Value.PollingTimeoutSeconds + 30))
            .AddHttpMessageHandler(sp => new TelegramReachabilityHandler(sp.GetRequiredService<TelegramReachability>()))
            .AddTypedClient<ITelegramBotClient>((http, sp) =>
            {
                var o = sp.GetRequiredService<IOptions<TelegramOptions>>().Value;
                if (!o.HasToken)
                {
                    throw new InvalidOperationException("No Telegram:BotToken is configured (local mode).");
                }

                var baseUrl = string.IsNullOrWhiteSpace(o.ApiBaseUrl) ? null : o.ApiBaseUrl.TrimEnd('/');

                // Telegram.Bot itself waits out a 429 and sends again: the one retry loop for "Too Many Requests".
                return new TelegramBotClient(new TelegramBotClientOptions(o.BotToken!, baseUrl) { RetryThreshold = o.MaxRetryAfterSeconds, RetryCount = o.MaxRetries + 1 }, http);
            });
        services.AddSingleton<ChatRateLimiter>();
        services.AddTransient<TelegramMessenger>();
        services.AddTransient<IMessenger>(sp => sp.GetRequiredService<IOptions<TelegramOptions>>().Value.HasToken
            ? sp.GetRequiredService<TelegramMessenger>()
            : sp.GetRequiredService<TLocalMessenger>());
        services.AddTransient<IChatFiles>(sp => sp.GetRequiredService<IOptions<TelegramOptions>>().Value.HasToken
            ? ActivatorUtilities.CreateInstance<TelegramFiles>(sp)
            : new NoChatFiles());
        services.AddHostedService<BotRuntime>();
        return services;
    }
}
