using Telegram.Bot.Types;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>
/// Receiving only enqueues here. Updates of one chat run in order, different chats run concurrently,
/// each update in its own DI scope. A failing handler is logged and answered politely; nothing stops the loop.
/// A chat over its rate limit keeps its place in the lane: its excess updates are stored and marked done like
/// any other, but answered with one "slow down" instead of being handled.
/// </summary>
public sealed class UpdateDispatcher(IServiceScopeFactory scopes, UpdateInbox inbox, UpdateJournal journal, ChatRateLimiter limiter, Texts texts, ILogger<UpdateDispatcher> log)
{
    private readonly Dictionary<long, Queue<(Update Update, ChatAllowance Allowance)>> _lanes = [];
    private readonly SemaphoreSlim _gate = new(MaxConcurrent);
    private int _inFlight;
    private volatile bool _stopping;

    private int _highestSeen;

    /// <summary>Updates handled at once. Handling mostly waits on the Bot API, so well above the core count.</summary>
    public static int MaxConcurrent { get; } = Math.Max(8, Environment.ProcessorCount * 32);

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>The highest update id received so far (Telegram's ids only grow).</summary>
    public int HighestSeenUpdateId => Volatile.Read(ref _highestSeen);

    /// <summary>Receives a batch: written to disk first, then stored and scheduled. Returns how many were new.</summary>
    public int Receive(IReadOnlyCollection<Update> updates)
    {
        if (_stopping || updates.Count == 0)
        {
            return 0;
        }

        journal.Append(updates);
        var added = updates.Count(Enqueue);
        journal.Stored();
        return added;
    }

    /// <summary>Persists and schedules an update; false if it was a repeat delivery.</summary>
    public bool Enqueue(Update update)
    {
        if (_stopping || !inbox.TryAdd(update))
        {
            return false;
        }

        for (var seen = _highestSeen; update.Id > seen; seen = _highestSeen)
        {
            if (Interlocked.CompareExchange(ref _highestSeen, update.Id, seen) == seen)
            {
                break;
            }
        }

        Schedule(update, limiter.Take(LaneKey(update), update));
        return true;
    }

    /// <summary>Schedules updates that were received before a crash but not handled.</summary>
    public int ReplayPending()
    {
        foreach (var update in journal.ReadAll())
        {
            inbox.TryAdd(update);
        }

        journal.Truncate();
        var pending = inbox.Pending();
        foreach (var update in pending)
        {
            Schedule(update, ChatAllowance.Handle);
        }

        return pending.Count;
    }

    /// <summary>Stops taking updates and waits for those being handled; the rest stay in the inbox for the next start.</summary>
    public Task StopAsync(TimeSpan timeout)
    {
        _stopping = true;
        return WhenIdleAsync(timeout);
    }

    public async Task WhenIdleAsync(TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (InFlight > 0 && DateTime.UtcNow < until)
        {
            await Task.Delay(10);
        }
    }

    private void Schedule(Update update, ChatAllowance allowance)
    {
        var key = LaneKey(update);
        Interlocked.Increment(ref _inFlight);
        lock (_lanes)
        {
            if (_lanes.TryGetValue(key, out var queue))
            {
                queue.Enqueue((update, allowance));
                return;
            }

            _lanes[key] = new Queue<(Update, ChatAllowance)>([(update, allowance)]);
        }

        _ = Task.Run(() => PumpAsync(key));
    }

    private async Task PumpAsync(long key)
    {
        while (true)
        {
            (Update Update, ChatAllowance Allowance) next;
            lock (_lanes)
            {
                var queue = _lanes[key];
                if (_stopping || !queue.TryPeek(out next))
                {
                    Interlocked.Add(ref _inFlight, -queue.Count);
                    _lanes.Remove(key);
                    return;
                }
            }

            var update = next.Update;
            await _gate.WaitAsync();
            try
            {
                await (next.Allowance == ChatAllowance.Handle ? ProcessAsync(update) : SlowDownAsync(update, next.Allowance));
            }
            finally
            {
                _gate.Release();
                inbox.MarkDone(update.Id);
                lock (_lanes)
                {
                    _lanes[key].Dequeue();
                }

                Interlocked.Decrement(ref _inFlight);
            }
        }
    }

    private async Task ProcessAsync(Update update)
    {
        using var scope = scopes.CreateScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<UpdateRouter>().RouteAsync(update, CancellationToken.None);
        }
        catch (RecipientBlockedException)
        {
            log.LogInformation("Update {Id}: the person has blocked the bot", update.Id);
        }
        catch (Exception e)
        {
            log.LogError(e, "Update {Id} failed", update.Id);
            await ApologiseAsync(scope.ServiceProvider.GetRequiredService<IMessenger>(), update);
        }
    }

    private async Task ApologiseAsync(IMessenger messenger, Update update)
    {
        try
        {
            await ReplyAsync(messenger, update, "error.generic");
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not apologise for update {Id}", update.Id);
        }
    }

    /// <summary>The first update over the limit is answered with "slow down"; later ones only stop a button's spinner.</summary>
    private async Task SlowDownAsync(Update update, ChatAllowance allowance)
    {
        using var scope = scopes.CreateScope();
        var messenger = scope.ServiceProvider.GetRequiredService<IMessenger>();
        try
        {
            if (allowance == ChatAllowance.Warn)
            {
                log.LogInformation("Chat {Chat} is over its rate limit; its updates are acknowledged but not handled", LaneKey(update));
                await ReplyAsync(messenger, update, "error.slow_down");
            }
            else if (update.CallbackQuery is { } cb)
            {
                await messenger.AnswerCallbackAsync(cb.Id);
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not ask chat {Chat} to slow down", LaneKey(update));
        }
    }

    private Task ReplyAsync(IMessenger messenger, Update update, string key)
    {
        var from = update.Message?.From ?? update.CallbackQuery?.From;
        var lang = Languages.FromTelegram(from?.LanguageCode);
        return update.CallbackQuery is { } cb ? messenger.AnswerCallbackAsync(cb.Id, texts.Get(lang, key))
            : update.Message is { } m ? messenger.SendTextAsync(m.Chat.Id, texts.Get(lang, key))
            : Task.CompletedTask;
    }

    private static long LaneKey(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.PollAnswer?.User?.Id
        ?? update.MyChatMember?.Chat.Id
        ?? update.EditedMessage?.Chat.Id
        ?? 0;
}
