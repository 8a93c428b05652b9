using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using VillageBot.Infrastructure.Security;

namespace VillageBot.Infrastructure.Telegram;

public enum ChatAllowance
{
    Handle,

    /// <summary>Over the limit: answered once with "slow down", not handled.</summary>
    Warn,

    /// <summary>Over the limit and already warned: acknowledged only.</summary>
    Drop,
}

/// <summary>
/// A token bucket per chat for messages and button presses (RateLimits:ChatBurst, RateLimits:ChatPerMinute), so
/// one account sending thousands of messages cannot use up the bot's replies and storage for everyone else.
/// Poll answers and membership changes are never limited: they record a choice, and Telegram sends one each.
/// </summary>
public sealed class ChatRateLimiter : IDisposable
{
    private readonly PartitionedRateLimiter<long>? _buckets;
    private readonly ConcurrentDictionary<long, byte> _warned = new();

    public ChatRateLimiter(IOptions<RateLimitOptions> options)
    {
        var o = options.Value;
        if (o.ChatBurst <= 0)
        {
            return;
        }

        // Tokens come back every few seconds instead of once a minute, so a person slowed down is heard again soon.
        var period = TimeSpan.FromSeconds(Math.Max(1, 60.0 / o.ChatPerMinute));
        var perPeriod = (int)Math.Max(1, Math.Round(o.ChatPerMinute * period.TotalMinutes));
        _buckets = PartitionedRateLimiter.Create<long, long>(chat => RateLimitPartition.GetTokenBucketLimiter(chat, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = o.ChatBurst,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 0,
            AutoReplenishment = true,
        }));
    }

    public ChatAllowance Take(long chat, Update update)
    {
        if (_buckets is null || chat == 0 || (update.Message is null && update.CallbackQuery is null))
        {
            return ChatAllowance.Handle;
        }

        using var lease = _buckets.AttemptAcquire(chat);
        if (lease.IsAcquired)
        {
            _warned.TryRemove(chat, out _);
            return ChatAllowance.Handle;
        }

        return _warned.TryAdd(chat, 0) ? ChatAllowance.Warn : ChatAllowance.Drop;
    }

    public void Dispose() => _buckets?.Dispose();
}
