using System.Text.Json;
using JsonSerializer = System.Text.Json.JsonSerializer;
using Telegram.Bot;
using Telegram.Bot.Types;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>
/// Every received update is written here before Telegram is told it arrived, and marked done once handled,
/// so a crash between the two replays it at start-up and a second delivery of the same id is ignored.
/// </summary>
public sealed class UpdateInbox
{
    private readonly IDocumentCollection<InboxEntry> _entries;
    private readonly TimeProvider _time;
    private int _localId;

    public UpdateInbox(IDocumentStore db, TimeProvider time)
    {
        _entries = db.Collection<InboxEntry>("inbox", i => i.On(e => e.Done).On(e => e.Chat));
        _time = time;
        var max = _entries.Max(e => e.Id, 0);
        _localId = Math.Max(max, 1_000_000_000);
    }

    /// <summary>False if this update id was seen before (by any instance on the database).</summary>
    public bool TryAdd(Update update, ChatAllowance allowance = ChatAllowance.Handle) =>
        _entries.TryInsert(new InboxEntry
        {
            Id = update.Id,
            Json = JsonSerializer.Serialize(update, JsonBotAPI.Options),
            ReceivedAt = _time.GetUtcNow().UtcDateTime,
            Chat = LaneKey(update),
            Allowance = allowance,
        });

    /// <summary>
    /// Gives the updates waiting from before chats were noted on them (an earlier version) their chat, so the instance
    /// handling the chat finds them. Returns how many.
    /// </summary>
    public int NoteChats()
    {
        var noted = 0;
        foreach (var entry in _entries.Find(e => !e.Done).ToList())
        {
            var chat = LaneKey(JsonSerializer.Deserialize<Update>(entry.Json, JsonBotAPI.Options)!);
            if (entry.Chat != chat)
            {
                entry.Chat = chat;
                _entries.Update(entry);
                noted++;
            }
        }

        return noted;
    }

    /// <summary>The chat's updates not yet handled, whichever instance received them, oldest first.</summary>
    public IReadOnlyList<(Update Update, ChatAllowance Allowance)> PendingOf(long chat) =>
        [.. _entries.Find(e => e.Chat == chat && !e.Done).OrderBy(e => e.Id)
            .Select(e => (JsonSerializer.Deserialize<Update>(e.Json, JsonBotAPI.Options)!, e.Allowance))];

    /// <summary>The oldest update of each chat that has waited since before <paramref name="receivedBefore"/>.</summary>
    public IReadOnlyList<Update> WaitingSince(DateTime receivedBefore) =>
        [.. _entries.Find(e => !e.Done).Where(e => e.ReceivedAt < receivedBefore).GroupBy(e => e.Chat)
            .Select(g => JsonSerializer.Deserialize<Update>(g.MinBy(e => e.Id)!.Json, JsonBotAPI.Options)!)];

    /// <summary>The chat an update belongs to: one chat's updates are handled one after another, in order.</summary>
    public static long LaneKey(Update update) =>
        update.Message?.Chat.Id
        ?? update.CallbackQuery?.Message?.Chat.Id
        ?? update.CallbackQuery?.From.Id
        ?? update.PollAnswer?.User?.Id
        ?? update.MyChatMember?.Chat.Id
        ?? update.EditedMessage?.Chat.Id
        ?? 0;

    /// <summary>One write, no read: the entry keeps only its id and when it was done (what trimming needs).</summary>
    public void MarkDone(int updateId) =>
        _entries.Update(new InboxEntry { Id = updateId, Done = true, ReceivedAt = _time.GetUtcNow().UtcDateTime });

    /// <summary>
    /// Drops the person's updates that are waiting to be handled (marking them done, without their text), so
    /// nothing they sent stays stored after they asked to be forgotten. Returns how many were dropped.
    /// </summary>
    public int ForgetSender(long userId)
    {
        var dropped = 0;
        foreach (var entry in _entries.Find(e => !e.Done).ToList())
        {
            if (UpdateSender.Of(JsonSerializer.Deserialize<Update>(entry.Json, JsonBotAPI.Options)) == userId)
            {
                entry.Done = true;
                entry.Json = "";
                _entries.Update(entry);
                dropped++;
            }
        }

        return dropped;
    }

    public IReadOnlyList<Update> Pending() =>
        [.. _entries.Find(e => !e.Done).OrderBy(e => e.Id).Select(e => JsonSerializer.Deserialize<Update>(e.Json, JsonBotAPI.Options)!)];

    public int PendingCount => _entries.Count(e => !e.Done);

    /// <summary>Ids for updates that do not come from Telegram (the local chat page).</summary>
    public int NextLocalId() => Interlocked.Increment(ref _localId);

    public int Trim(TimeSpan olderThan)
    {
        var cutoff = _time.GetUtcNow().UtcDateTime - olderThan;
        return _entries.DeleteMany(e => e.Done && e.ReceivedAt < cutoff);
    }

    [StoredIn("inbox")]
    public sealed class InboxEntry
    {
        public int Id { get; set; }

        public string Json { get; set; } = "";

        public DateTime ReceivedAt { get; set; }

        public bool Done { get; set; }

        /// <summary>The chat whose lane the update runs in (<see cref="LaneKey"/>).</summary>
        public long Chat { get; set; }

        /// <summary>Whether the chat was within its rate limit when the update arrived.</summary>
        public ChatAllowance Allowance { get; set; }
    }
}
