using LiteDB;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Polls;

/// <summary>A coordinator's poll for one village. Each resident gets their own native Telegram poll message.</summary>
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
public sealed class PollMessage
{
    [BsonId]
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
    public PollStore(Db db)
    {
        Db = db;
        Messages.EnsureIndex(m => m.PollId);
        Messages.EnsureIndex(m => m.ResidentId);
        Polls.EnsureIndex(p => p.VillageId);
        GroupMessages.EnsureIndex(m => m.PollId);
        GroupVotes.EnsureIndex(v => v.TelegramPollId);
        GroupVotes.EnsureIndex(v => v.UserId);
    }

    public Db Db { get; }

    public ILiteCollection<VillagePoll> Polls => Db.Collection<VillagePoll>("polls");

    public ILiteCollection<PollMessage> Messages => Db.Collection<PollMessage>("poll_messages");

    /// <summary>Polls posted in village groups.</summary>
    public ILiteCollection<GroupPollMessage> GroupMessages => Db.Collection<GroupPollMessage>("poll_group_messages");

    /// <summary>Group members' votes on named group polls.</summary>
    public ILiteCollection<GroupPollVote> GroupVotes => Db.Collection<GroupPollVote>("poll_group_votes");

    public IReadOnlyList<PollMessage> MessagesOf(int pollId) => [.. Messages.Find(m => m.PollId == pollId)];

    public IReadOnlyList<GroupPollMessage> GroupMessagesOf(int pollId) => [.. GroupMessages.Find(m => m.PollId == pollId)];

    /// <summary>The poll message a resident got for a poll, if any.</summary>
    public PollMessage? MessageTo(int pollId, long residentId) => Messages.Find(m => m.ResidentId == residentId).FirstOrDefault(m => m.PollId == pollId);
}
