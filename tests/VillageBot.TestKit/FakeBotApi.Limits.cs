using System.Collections.Concurrent;

namespace VillageBot.TestKit;

/// <summary>Telegram's limits as the bot meets them: 429 with retry_after per chat and overall, and people who blocked the bot.</summary>
public sealed partial class FakeBotApi
{
    private readonly ConcurrentDictionary<long, (int Remaining, int RetryAfter)> _tooMany = new();
    private readonly ConcurrentDictionary<long, bool> _blocked = new();

    /// <summary>When true, a second message to one chat within a second is answered 429, as Telegram does.</summary>
    public bool EnforcePerChatLimit { get; set; }

    /// <summary>When set, sends are answered 429 past this many messages per second in total.</summary>
    public int? GlobalLimitPerSecond { get; set; }

    public void FailWith429(long chatId, int times, int retryAfterSeconds = 1) => _tooMany[chatId] = (times, retryAfterSeconds);

    private readonly ConcurrentDictionary<(long Chat, string Method), TaskCompletionSource> _held = new();

    /// <summary>
    /// Holds back the answers to <paramref name="method"/> calls for one chat: the call is carried out and shows as an
    /// event at once, but the bot gets its answer only when the returned action is called — as when Telegram has already
    /// shown a message to the person while the bot still waits for the reply to its request.
    /// </summary>
    public Action HoldAnswers(long chatId, string method)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held[(chatId, method.ToLowerInvariant())] = gate;
        return () =>
        {
            _held.TryRemove((chatId, method.ToLowerInvariant()), out _);
            gate.TrySetResult();
        };
    }

    public void Block(long chatId) => _blocked[chatId] = true;

    public void Unblock(long chatId) => _blocked.TryRemove(chatId, out _);

    private static bool IsSend(string method) => method.StartsWith("send", StringComparison.OrdinalIgnoreCase) && !method.Equals("sendChatAction", StringComparison.OrdinalIgnoreCase)
        || method.StartsWith("edit", StringComparison.OrdinalIgnoreCase) || method.Equals("stopPoll", StringComparison.OrdinalIgnoreCase);

    private readonly Dictionary<long, DateTime> _lastSend = [];
    private readonly Queue<DateTime> _recentSends = new();

    private int? RateLimited(long chatId)
    {
        if (!EnforcePerChatLimit && GlobalLimitPerSecond is null)
        {
            return null;
        }

        var now = DateTime.UtcNow;
        lock (_lastSend)
        {
            if (EnforcePerChatLimit && _lastSend.TryGetValue(chatId, out var last) && now - last < TimeSpan.FromMilliseconds(900))
            {
                return 1;
            }

            if (GlobalLimitPerSecond is int limit)
            {
                while (_recentSends.Count > 0 && now - _recentSends.Peek() > TimeSpan.FromSeconds(1))
                {
                    _recentSends.Dequeue();
                }

                if (_recentSends.Count >= limit * 1.1)
                {
                    return 1;
                }

                _recentSends.Enqueue(now);
            }

            _lastSend[chatId] = now;
            return null;
        }
    }
}
