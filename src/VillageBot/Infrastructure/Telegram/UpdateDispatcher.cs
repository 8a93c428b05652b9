using Telegram.Bot.Types;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>
/// Receiving only enqueues here. Updates of one chat run in order, different chats run concurrently,
/// each update in its own DI scope. A failing handler is logged and answered politely; nothing stops the loop.
/// A chat over its rate limit keeps its place in the lane: its excess updates are stored and marked done like
/// any other, but answered with one "slow down" instead of being handled.
/// Where several instances share the database (<see cref="IDocumentStore.Leases"/>), a chat's lane runs in the instance
/// that holds the chat's lease, and that instance handles every waiting update of the chat in the inbox, whichever
/// instance received it; updates that wait longer than a lease lasts (their instance died) are taken over.
/// </summary>
public sealed class UpdateDispatcher : IDisposable
{
    private readonly Dictionary<long, Queue<(Update Update, ChatAllowance Allowance)>> _lanes = [];
    private readonly SemaphoreSlim _gate = new(MaxConcurrent);
    private readonly IServiceScopeFactory scopes;
    private readonly UpdateInbox inbox;
    private readonly UpdateJournal journal;
    private readonly ChatRateLimiter limiter;
    private readonly Texts texts;
    private readonly ILogger<UpdateDispatcher> log;
    private readonly IChatLeases? _leases;
    private readonly string _owner;
    private readonly TimeSpan _leaseDuration;
    private readonly TimeProvider _time;
    private ITimer? _takeOver;
    private int _takingOver;
    private int _inFlight;
    private volatile bool _stopping;

    private int _highestSeen;

    public UpdateDispatcher(IServiceScopeFactory scopes, UpdateInbox inbox, UpdateJournal journal, ChatRateLimiter limiter, Texts texts, IDocumentStore store, Microsoft.Extensions.Options.IOptions<StorageOptions> storage, TimeProvider time, ILogger<UpdateDispatcher> log)
    {
        this.scopes = scopes;
        this.inbox = inbox;
        this.journal = journal;
        this.limiter = limiter;
        this.texts = texts;
        this.log = log;
        _leases = store.Leases;
        _time = time;
        _leaseDuration = TimeSpan.FromSeconds(storage.Value.ChatLeaseSeconds);

        // Stable across restarts of one instance, so a restarted instance takes its own leases back at once.
        _owner = $"{Environment.MachineName}:{storage.Value.ResolvedDirectory}";
    }

    /// <summary>Updates handled at once. Handling mostly waits on the Bot API, so well above the core count.</summary>
    public static int MaxConcurrent { get; } = Math.Max(8, Environment.ProcessorCount * 32);

    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>False once the host is stopping: what arrives then is not stored, so it must not be acknowledged.</summary>
    public bool Accepting => !_stopping;

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
        if (_stopping)
        {
            return false;
        }

        // One process counts only new updates against the chat's rate. Where instances share the chats, the allowance
        // is stored with the update, so whichever instance handles it knows; a repeated delivery then counts as well.
        ChatAllowance allowance;
        if (_leases is null)
        {
            if (!inbox.TryAdd(update))
            {
                return false;
            }

            allowance = limiter.Take(UpdateInbox.LaneKey(update), update);
        }
        else
        {
            allowance = limiter.Take(UpdateInbox.LaneKey(update), update);
            if (!inbox.TryAdd(update, allowance))
            {
                return false;
            }
        }

        for (var seen = _highestSeen; update.Id > seen; seen = _highestSeen)
        {
            if (Interlocked.CompareExchange(ref _highestSeen, update.Id, seen) == seen)
            {
                break;
            }
        }

        Schedule(update, allowance);
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
        if (_leases is not null)
        {
            inbox.NoteChats();
        }

        var pending = inbox.Pending();
        foreach (var update in pending)
        {
            Schedule(update, ChatAllowance.Handle);
        }

        if (_leases is not null && _takeOver is null)
        {
            var every = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(200).Ticks, _leaseDuration.Ticks / 3));

            // On the machine's clock: a test's fake clock moved on by days would fire it once for every period passed.
            _takeOver = TimeProvider.System.CreateTimer(_ => _ = TakeOverWaitingAsync(), null, every, every);
        }

        return pending.Count;
    }

    /// <summary>
    /// Schedules here the chats whose updates have waited longer than a lease lasts while no other instance holds
    /// their lease: the instance that received them died, or its lease ran out.
    /// </summary>
    public async Task<int> TakeOverWaitingAsync()
    {
        if (_leases is null || _stopping || Interlocked.Exchange(ref _takingOver, 1) == 1)
        {
            return 0;
        }

        try
        {
            var waiting = inbox.WaitingSince(_time.GetUtcNow().UtcDateTime - _leaseDuration);
            lock (_lanes)
            {
                waiting = [.. waiting.Where(u => !_lanes.ContainsKey(UpdateInbox.LaneKey(u)))];
            }

            if (waiting.Count == 0)
            {
                return 0;
            }

            var held = await _leases.HeldByOthersAsync([.. waiting.Select(UpdateInbox.LaneKey)], _owner);
            var taken = waiting.Where(u => !held.Contains(UpdateInbox.LaneKey(u))).ToList();
            foreach (var update in taken)
            {
                log.LogInformation("Taking over chat {Chat}: its updates have waited longer than a lease lasts", UpdateInbox.LaneKey(update));
                Schedule(update, ChatAllowance.Handle);
            }

            return taken.Count;
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Could not look for chats to take over");
            return 0;
        }
        finally
        {
            Volatile.Write(ref _takingOver, 0);
        }
    }

    public void Dispose() => _takeOver?.Dispose();

    /// <summary>Stops taking updates and waits for those being handled; the rest stay in the inbox for the next start.</summary>
    public Task StopAsync(TimeSpan timeout)
    {
        _stopping = true;
        _takeOver?.Dispose();
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
            int queued;
            lock (_lanes)
            {
                var queue = _lanes[key];
                if (_stopping || !queue.TryPeek(out next))
                {
                    Interlocked.Add(ref _inFlight, -queue.Count);
                    _lanes.Remove(key);
                    return;
                }

                queued = queue.Count;
            }

            if (_leases is null)
            {
                await HandleAsync(next.Update, next.Allowance);
                lock (_lanes)
                {
                    _lanes[key].Dequeue();
                }

                Interlocked.Decrement(ref _inFlight);
                continue;
            }

            await HandleSharedAsync(key, _leases);
            lock (_lanes)
            {
                var queue = _lanes[key];
                for (var i = 0; i < queued; i++)
                {
                    queue.Dequeue();
                }
            }

            Interlocked.Add(ref _inFlight, -queued);
        }
    }

    /// <summary>
    /// With the chat's lease, handles every update of the chat the inbox holds, in order, whichever instance received
    /// it, until none is left. Without it (another instance is handling the chat) there is nothing to do: the update is
    /// in the inbox, and the holder looks there again before and after it lets the lease go. What is left (the lease
    /// ran out, the instance is stopping, the database failed) stays in the inbox for a take-over.
    /// </summary>
    private async Task HandleSharedAsync(long key, IChatLeases leases)
    {
        try
        {
            while (!_stopping && await leases.TryTakeAsync(key, _owner, _leaseDuration))
            {
                try
                {
                    for (var pending = inbox.PendingOf(key); pending.Count > 0 && !_stopping; pending = inbox.PendingOf(key))
                    {
                        foreach (var (update, allowance) in pending)
                        {
                            if (_stopping || !await leases.TryTakeAsync(key, _owner, _leaseDuration))
                            {
                                return;
                            }

                            await HandleKeepingLeaseAsync(key, leases, update, allowance);
                        }
                    }
                }
                finally
                {
                    await leases.ReleaseAsync(key, _owner);
                }

                // An update stored while the lease was being let go found it taken and left it to us.
                if (inbox.PendingOf(key).Count == 0)
                {
                    return;
                }
            }
        }
        catch (Exception e)
        {
            log.LogWarning(e, "Chat {Chat}: the shared inbox or the chat's lease failed; its updates wait for the next try", key);
        }
    }

    /// <summary>Handles one update, renewing the chat's lease every third of its length until it is done, so a slow update keeps its chat.</summary>
    private async Task HandleKeepingLeaseAsync(long key, IChatLeases leases, Update update, ChatAllowance allowance)
    {
        using var done = new CancellationTokenSource();
        var renewing = RenewAsync(done.Token);
        try
        {
            await HandleAsync(update, allowance);
        }
        finally
        {
            await done.CancelAsync();
            await renewing;
        }

        async Task RenewAsync(CancellationToken ct)
        {
            while (true)
            {
                try
                {
                    await Task.Delay(_leaseDuration / 3, ct);
                    if (!await leases.TryTakeAsync(key, _owner, _leaseDuration))
                    {
                        log.LogWarning("Chat {Chat}: another instance took the chat while update {Id} was being handled", key, update.Id);
                        return;
                    }
                }
                catch (OperationCanceledException)
                {
                    return;
                }
                catch (Exception e)
                {
                    log.LogWarning(e, "Chat {Chat}: the lease could not be renewed", key);
                }
            }
        }
    }

    private async Task HandleAsync(Update update, ChatAllowance allowance)
    {
        await _gate.WaitAsync();
        try
        {
            await (allowance == ChatAllowance.Handle ? ProcessAsync(update) : SlowDownAsync(update, allowance));
        }
        finally
        {
            _gate.Release();
            try
            {
                inbox.MarkDone(update.Id);
            }
            catch (Exception e)
            {
                // The lane goes on; the update stays in the inbox and is handled again at the next start.
                log.LogError(e, "Update {Id} could not be marked handled", update.Id);
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

    private static long LaneKey(Update update) => UpdateInbox.LaneKey(update);
}
