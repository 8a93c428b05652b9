using System.Diagnostics;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Sending;

/// <summary>
/// Spaces out bulk sending (broadcasts, poll results, nudges) under Telegram's limits: a global rate
/// (<see cref="PacingOptions.MessagesPerSecond"/>, averaged, with at most a twentieth of a second of catch-up after
/// a pause) and one message per chat per interval, counted from when the chat's last message was answered.
/// Only one bulk send is in flight at a time, and its caller records the outcome before the next one starts: a
/// crash can leave at most one message sent but not recorded, so a resumed broadcast repeats at most one.
/// Pacing is physical time (a stopwatch), not the injected clock that decides when scheduled work is due.
/// A chat may be given its own interval (a group: Telegram allows about 20 messages a minute there); callers wait
/// out <see cref="ChatWait"/> before they ask for a turn, so a chat's interval never holds up everyone else's sends.
/// On a database several instances share (PostgreSQL), the global rate and its pauses are the database's
/// (<see cref="ISharedPace"/>): all instances together keep to it. A chat's interval stays each instance's own.
/// </summary>
public sealed class SendPacer(IOptions<PacingOptions> options, IDocumentStore? store = null)
{
    /// <summary>The name of bulk sending's pace in the database.</summary>
    private const string PaceName = "telegram-bulk";

    private readonly ISharedPace? _shared = store?.Pace;
    private readonly SemaphoreSlim _lane = new(1, 1);
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    /// <summary>When each chat last got a message, and when it may get its next.</summary>
    private readonly Dictionary<long, (TimeSpan Last, TimeSpan Next)> _nextByChat = [];
    private TimeSpan _next;
    private TimeSpan _pausedUntil;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>How long until this chat may get another message (zero if now).</summary>
    public TimeSpan ChatWait(long chatId)
    {
        lock (_nextByChat)
        {
            if (!_nextByChat.TryGetValue(chatId, out var chat))
            {
                return TimeSpan.Zero;
            }

            var wait = chat.Next - _clock.Elapsed;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
    }

    /// <summary>When the last message to this chat was let through, on <see cref="Elapsed"/>'s clock.</summary>
    public TimeSpan? LastSendAt(long chatId)
    {
        lock (_nextByChat)
        {
            return _nextByChat.TryGetValue(chatId, out var chat) ? chat.Last : null;
        }
    }

    /// <summary>Holds all bulk sending back, as Telegram asks with a long retry_after.</summary>
    public void Pause(TimeSpan duration)
    {
        lock (_nextByChat)
        {
            var until = _clock.Elapsed + duration;
            if (until > _pausedUntil)
            {
                _pausedUntil = until;
            }
        }

        _shared?.Hold(PaceName, duration);
    }

    /// <summary>Waits for this message's turn, then runs <paramref name="send"/> (send and record) alone.</summary>
    public Task<T> RunAsync<T>(long chatId, Func<Task<T>> send, CancellationToken ct) => RunAsync(chatId, PerChat, send, ct);

    /// <summary>As <see cref="RunAsync{T}(long, Func{Task{T}}, CancellationToken)"/>, with this chat's own interval.</summary>
    public async Task<T> RunAsync<T>(long chatId, TimeSpan perChat, Func<Task<T>> send, CancellationToken ct)
    {
        await _lane.WaitAsync(ct);
        try
        {
            var start = _shared is null ? Turn(chatId) : await SharedTurnAsync(chatId, ct);
            var wait = start - _clock.Elapsed;
            if (wait >= TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, ct);

                // A timer counts whole milliseconds and may end a fraction early: the send never starts before its turn.
                for (var left = start - _clock.Elapsed; left > TimeSpan.Zero; left = start - _clock.Elapsed)
                {
                    await Task.Delay(TimeSpan.FromMilliseconds(Math.Ceiling(left.TotalMilliseconds)), ct);
                }
            }

            TimeSpan sentAt;
            lock (_nextByChat)
            {
                sentAt = _clock.Elapsed;
                _nextByChat[chatId] = (sentAt, sentAt + perChat);
                if (_nextByChat.Count > 50_000)
                {
                    Prune();
                }
            }

            try
            {
                return await send();
            }
            finally
            {
                // Telegram counts a chat's messages as they arrive, and a slow request may arrive late: the chat's
                // next message waits its interval from when this one was answered, so two never arrive closer.
                lock (_nextByChat)
                {
                    _nextByChat[chatId] = (sentAt, _clock.Elapsed + perChat);
                }
            }
        }
        finally
        {
            _lane.Release();
        }
    }

    private TimeSpan PerChat => TimeSpan.FromMilliseconds(options.Value.PerChatIntervalMs);

    private TimeSpan Interval => TimeSpan.FromSeconds(1 / options.Value.MessagesPerSecond);

    private TimeSpan Burst => Interval * Math.Max(1, options.Value.MessagesPerSecond / 20);

    /// <summary>This message's turn on <see cref="Elapsed"/>'s clock, from this process's own pace.</summary>
    private TimeSpan Turn(long chatId)
    {
        lock (_nextByChat)
        {
            var now = _clock.Elapsed;
            if (_next < now - Burst)
            {
                _next = now - Burst;
            }

            var start = _next;
            if (_pausedUntil > start)
            {
                start = _pausedUntil;
            }

            if (_nextByChat.TryGetValue(chatId, out var chat) && chat.Next > start)
            {
                start = chat.Next;
            }

            _next = start + Interval;
            return start;
        }
    }

    /// <summary>
    /// This message's turn from the pace all instances share, no earlier than this process's pause and the chat's
    /// interval allow. The wait is counted from the database's answer, so a slow round trip never starts a send early.
    /// </summary>
    private async Task<TimeSpan> SharedTurnAsync(long chatId, CancellationToken ct)
    {
        TimeSpan notBefore;
        lock (_nextByChat)
        {
            var now = _clock.Elapsed;
            var earliest = _pausedUntil;
            if (_nextByChat.TryGetValue(chatId, out var chat) && chat.Next > earliest)
            {
                earliest = chat.Next;
            }

            notBefore = earliest > now ? earliest - now : TimeSpan.Zero;
        }

        var wait = await _shared!.TakeAsync(PaceName, Interval, Burst, notBefore, ct);
        return _clock.Elapsed + wait;
    }

    private void Prune()
    {
        var now = _clock.Elapsed;
        foreach (var chat in _nextByChat.Where(kv => kv.Value.Next < now).Select(kv => kv.Key).ToList())
        {
            _nextByChat.Remove(chat);
        }
    }
}
