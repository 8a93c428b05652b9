using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Polls;

/// <summary>A coordinator's poll for one village. Each resident gets their own native Telegram poll message.</summary>
[StoredIn("polls")]
public sealed class VillagePoll
{
    public int Id { get; set; }

    public int VillageId { get; set; }

    public long CreatedBy { get; set; }

    public string Question { get; set; } = "";

    public List<string> Options { get; set; } = [];

    public bool IsAnonymous { get; set; }

    public bool AllowsMultipleAnswers { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime SendAt { get; set; }

    public DateTime ClosesAt { get; set; }

    public DateTime? ClosedAt { get; set; }

    public int? BroadcastId { get; set; }

    public DateTime? ResultsSentAt { get; set; }

    /// <summary>What came of the poll, in the coordinator's words (/outcome); the monthly digest tells the village.</summary>
    public string? Outcome { get; set; }

    public DateTime? OutcomeAt { get; set; }

    /// <summary>Also posted in the village's linked group, as a native poll.</summary>
    public bool InGroup { get; set; }

    /// <summary>The group poll hides who voted (the default; the coordinator may choose otherwise).</summary>
    public bool GroupAnonymous { get; set; } = true;

    public DateTime? GroupPostedAt { get; set; }

    public bool IsOpen(DateTime now) => ClosedAt is null && now < ClosesAt;
}

/// <summary>The poll message one resident got; its id is Telegram's poll id, which votes refer to.</summary>
[StoredIn("poll_messages")]
public sealed class PollMessage
{
    [DocumentId]
    public string Id { get; set; } = "";

    public int PollId { get; set; }

    public long ResidentId { get; set; }

    public long ChatId { get; set; }

    public int MessageId { get; set; }

    /// <summary>The options chosen now; empty when the person has not voted or took the vote back.</summary>
    public List<int> Choice { get; set; } = [];

    public DateTime SentAt { get; set; }

    public DateTime? VotedAt { get; set; }

    /// <summary>True once stopPoll was sent for this message.</summary>
    public bool Stopped { get; set; }
}

public sealed class PollStore
{
    public PollStore(IDocumentStore db)
    {
        Db = db;
        _ = (Messages, Polls, GroupMessages, GroupVotes);
    }

    public IDocumentStore Db { get; }

    public IDocumentCollection<VillagePoll> Polls => Db.Collection<VillagePoll>("polls", i => i.On(p => p.VillageId));

    public IDocumentCollection<PollMessage> Messages => Db.Collection<PollMessage>("poll_messages", i => i.On(m => m.PollId).On(m => m.ResidentId));

    /// <summary>Polls posted in village groups.</summary>
    public IDocumentCollection<GroupPollMessage> GroupMessages => Db.Collection<GroupPollMessage>("poll_group_messages", i => i.On(m => m.PollId));

    /// <summary>Group members' votes on named group polls.</summary>
    public IDocumentCollection<GroupPollVote> GroupVotes => Db.Collection<GroupPollVote>("poll_group_votes", i => i.On(v => v.TelegramPollId).On(v => v.UserId));

    public IReadOnlyList<PollMessage> MessagesOf(int pollId) => [.. Messages.Find(m => m.PollId == pollId)];

    public IReadOnlyList<GroupPollMessage> GroupMessagesOf(int pollId) => [.. GroupMessages.Find(m => m.PollId == pollId)];

    /// <summary>The poll message a resident got for a poll, if any.</summary>
    public PollMessage? MessageTo(int pollId, long residentId) => Messages.Find(m => m.ResidentId == residentId).FirstOrDefault(m => m.PollId == pollId);
}
