using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Nudges;

public enum NudgeState
{
    /// <summary>Waits for its time (<see cref="Nudge.DueAt"/>).</summary>
    Pending,

    /// <summary>Marked just before the message went to Telegram; still so after a crash, it is never sent again.</summary>
    Sending,

    Sent,

    /// <summary>The send was cut off (a crash, a network error): it may or may not have arrived, and is not repeated.</summary>
    Unconfirmed,

    /// <summary>Not sent: no longer needed, over the weekly cap, reminders turned off, blocked… (see <see cref="Nudge.Reason"/>).</summary>
    Dropped,
}

/// <summary>One reminder to one person. Its key names what it is about, so the same nudge is never planned twice.</summary>
[StoredIn("nudges")]
public sealed class Nudge
{
    /// <summary>"followup:REPORT:N", "untriaged:COORDINATOR:N", "poll:POLL:RESIDENT", "quiz:RESIDENT:MODULE".</summary>
    [DocumentId]
    public string Key { get; set; } = "";

    public string Kind { get; set; } = "";

    public long ResidentId { get; set; }

    /// <summary>What it is about: a report id, a poll id, a module id.</summary>
    public string Ref { get; set; } = "";

    /// <summary>What the plan was based on (the quiz's last activity); when that moves, the person moved on.</summary>
    public DateTime? Basis { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime DueAt { get; set; }

    public NudgeState State { get; set; }

    public int? MessageId { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>When it was sent, dropped or left unconfirmed.</summary>
    public DateTime? DoneAt { get; set; }

    public string? Reason { get; set; }

    /// <summary>The reports a coordinator's digest listed.</summary>
    public List<int> Reports { get; set; } = [];

    [NotStored]
    public bool Waiting => State is NudgeState.Pending or NudgeState.Sending;

    /// <summary>Sent, or perhaps sent: counts against the weekly cap.</summary>
    [NotStored]
    public bool Delivered => State is NudgeState.Sent or NudgeState.Unconfirmed;
}

/// <summary>Every nudge planned, sent or dropped, in the database ("nudges").</summary>
public sealed class NudgeStore
{
    public NudgeStore(IDocumentStore db)
    {
        Nudges = db.Collection<Nudge>("nudges", i => i.On(n => n.ResidentId).On(n => n.Ref).On(n => n.State));
    }

    public IDocumentCollection<Nudge> Nudges { get; }

    public Nudge? Get(string key) => Nudges.FindById(key);

    /// <summary>Adds a planned nudge; false if one with the same key exists already.</summary>
    public bool TryAdd(Nudge nudge) => Nudges.TryInsert(nudge);

    public void Save(Nudge nudge) => Nudges.Update(nudge);

    public bool Delete(string key) => Nudges.Delete(key);

    /// <summary>Nudges of one kind about one thing (a report's follow-ups, a poll's reminders).</summary>
    public IReadOnlyList<Nudge> About(string kind, string @ref) => [.. Nudges.Find(n => n.Ref == @ref).Where(n => n.Kind == kind)];

    public IReadOnlyList<Nudge> ForResident(long residentId) => [.. Nudges.Find(n => n.ResidentId == residentId)];

    /// <summary>Pending nudges whose time has come, and any a crash left marked as sending.</summary>
    public IReadOnlyList<Nudge> Due(DateTime now) =>
        [.. Nudges.Find(n => n.State == NudgeState.Pending).Where(n => n.DueAt <= now), .. Nudges.Find(n => n.State == NudgeState.Sending)];

    /// <summary>When the earliest pending nudge is due; null if none is.</summary>
    public DateTime? NextDue() => Nudges.Find(n => n.State == NudgeState.Pending).Select(n => (DateTime?)n.DueAt).Min();

    public int Erase(long residentId) => Nudges.DeleteMany(n => n.ResidentId == residentId);
}
