using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Broadcasts;

public enum BroadcastState
{
    Scheduled,
    Sending,
    Done,
    Cancelled,
}

public enum DeliveryState
{
    Pending,
    Sent,
    Failed,

    /// <summary>The person blocked the bot; they are marked inactive.</summary>
    Blocked,
}

/// <summary>What is sent: a kind that an <see cref="IBroadcastSender"/> knows, with its text or the id of what to send.</summary>
public sealed record BroadcastContent(string Kind, string? Text = null, string? Ref = null)
{
    public const string TextKind = "text";

    public static BroadcastContent Message(string text) => new(TextKind, text);
}

/// <summary>One message (or poll, or quiz) to every active resident of a village.</summary>
[StoredIn("broadcasts")]
public sealed class Broadcast
{
    public int Id { get; set; }

    public int VillageId { get; set; }

    /// <summary>The coordinator or admin who sent it; they get the delivery report.</summary>
    public long RequestedBy { get; set; }

    public string Kind { get; set; } = BroadcastContent.TextKind;

    public string? Text { get; set; }

    public string? Ref { get; set; }

    public BroadcastState State { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime SendAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int Recipients { get; set; }

    public int Sent { get; set; }

    public int Failed { get; set; }

    public int Blocked { get; set; }

    public DateTime? ReportedAt { get; set; }

    public BroadcastContent Content => new(Kind, Text, Ref);
}

/// <summary>The delivery of one broadcast to one resident.</summary>
[StoredIn("deliveries")]
public sealed class Delivery
{
    public int Id { get; set; }

    public int BroadcastId { get; set; }

    public long ResidentId { get; set; }

    public long ChatId { get; set; }

    public DeliveryState State { get; set; }

    public int Attempts { get; set; }

    public int? MessageId { get; set; }

    public DateTime? SentAt { get; set; }

    public string? Error { get; set; }
}

public sealed record BroadcastCounts(int Recipients, int Pending, int Sent, int Failed, int Blocked);
