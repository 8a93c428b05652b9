using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Groups;

/// <summary>A message waiting for its group's turn (answers, links, the digest: never anything personal).</summary>
[StoredIn("group_outbox")]
public sealed class GroupOutboxMessage
{
    /// <summary>Grows with every message, so a group's messages go out in the order they were written.</summary>
    public int Id { get; set; }

    public long ChatId { get; set; }

    public int? ReplyTo { get; set; }

    public string Text { get; set; } = "";

    public List<List<OutboxButton>>? Buttons { get; set; }

    public DateTime CreatedAt { get; set; }

    public int Failures { get; set; }

    public Keyboard? Keyboard() =>
        Buttons is null ? null : Infrastructure.Messaging.Keyboard.Of([.. Buttons.Select(r => r.Select(b => new Button(b.Text, b.Data, b.Url)).ToArray())]);
}

/// <summary>A button of a waiting message, as stored.</summary>
public sealed class OutboxButton
{
    public string Text { get; set; } = "";

    public string? Data { get; set; }

    public string? Url { get; set; }
}

/// <summary>
/// Each group's own queue of outgoing messages, kept in the database. A handler in a group only adds its reply here and
/// is done, so its update (and the dispatcher's slot) is never held while the group waits for its turn under
/// Groups:MessagesPerMinute; private chats go on at once however many messages a group has waiting. One sender per
/// group takes its messages in order through the <see cref="GroupSender"/>'s pacing and removes each once Telegram
/// has it. After a restart the groups with messages waiting are sent to again: nothing is lost, and a crash in the
/// instant between sending and removing repeats that one message.
/// </summary>
public sealed class GroupOutbox : IHostedService
{
    /// <summary>A message Telegram keeps refusing (not for the group's limit, which the pacer keeps) is given up after this many tries.</summary>
    public const int MaxFailures = 3;

    private readonly HashSet<long> _sending = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly ILogger<GroupOutbox> _log;
    private int _waiting;

    public GroupOutbox(IDocumentStore db, IServiceScopeFactory scopes, TimeProvider time, ILogger<GroupOutbox> log)
    {
        Messages = db.Collection<GroupOutboxMessage>("group_outbox", i => i.On(m => m.ChatId));
        _waiting = Messages.Count();
        _scopes = scopes;
        _time = time;
        _log = log;
    }

    private IDocumentCollection<GroupOutboxMessage> Messages { get; }

    /// <summary>Messages written but not yet sent, in every group (counted in memory: read often, e.g. by health checks and tests).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    public void Add(long chatId, int? replyTo, string text, Keyboard? keyboard)
    {
        Messages.Insert(new GroupOutboxMessage
        {
            ChatId = chatId,
            ReplyTo = replyTo,
            Text = text,
            Buttons = keyboard?.Rows.Select(r => r.Select(b => new OutboxButton { Text = b.Text, Data = b.Data, Url = b.Url }).ToList()).ToList(),
            CreatedAt = _time.GetUtcNow().UtcDateTime,
        });
        Interlocked.Increment(ref _waiting);
        Wake(chatId);
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var chatId in Messages.FindAll().Select(m => m.ChatId).Distinct().ToList())
        {
            Wake(chatId);
        }

        return Task.CompletedTask;
    }

    /// <summary>A message being sent is let go; it stays in the outbox and goes out after the next start.</summary>
    public Task StopAsync(CancellationToken cancellationToken)
    {
        _stopping.Cancel();
        return Task.CompletedTask;
    }

    private void Wake(long chatId)
    {
        lock (_sending)
        {
            if (_stopping.IsCancellationRequested || !_sending.Add(chatId))
            {
                return;
            }
        }

        _ = Task.Run(() => SendAllAsync(chatId));
    }

    private async Task SendAllAsync(long chatId)
    {
        try
        {
            while (!_stopping.IsCancellationRequested)
            {
                GroupOutboxMessage? next;

                // Looking and letting go under one lock: a message added meanwhile either is seen here or wakes a new sender.
                lock (_sending)
                {
                    next = Messages.Find(m => m.ChatId == chatId).MinBy(m => m.Id);
                    if (next is null)
                    {
                        _sending.Remove(chatId);
                        return;
                    }
                }

                await SendAsync(next);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Stopping: the message stays for the next start.
        }

        lock (_sending)
        {
            _sending.Remove(chatId);
        }
    }

    private async Task SendAsync(GroupOutboxMessage message)
    {
        try
        {
            using var scope = _scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<GroupSender>().SendNowAsync(message.ChatId, message.ReplyTo, message.Text, message.Keyboard(), _stopping.Token);
            Remove(message);
        }
        catch (RecipientBlockedException)
        {
            _log.LogInformation("The bot can no longer write in group {Chat}; a message waiting for it is dropped", message.ChatId);
            Remove(message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            message.Failures++;
            if (message.Failures >= MaxFailures)
            {
                _log.LogWarning(e, "A message to group {Chat} failed {Times} times and is dropped", message.ChatId, message.Failures);
                Remove(message);
                return;
            }

            _log.LogWarning(e, "A message to group {Chat} failed; trying again", message.ChatId);
            Messages.Update(message);
            await Task.Delay(TimeSpan.FromSeconds(5 * message.Failures), _stopping.Token);
        }
    }

    private void Remove(GroupOutboxMessage message)
    {
        if (Messages.Delete(message.Id))
        {
            Interlocked.Decrement(ref _waiting);
        }
    }
}
