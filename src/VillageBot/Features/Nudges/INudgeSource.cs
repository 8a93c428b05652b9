using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Nudges;

/// <summary>What happens to a nudge that would go over the person's weekly cap.</summary>
public enum OverCap
{
    /// <summary>Not counted and never held back (coordinators' work).</summary>
    Exempt,

    /// <summary>Waits until the oldest reminder of the last 7 days leaves the window.</summary>
    Postpone,

    /// <summary>Not sent at all.</summary>
    Drop,
}

/// <summary>A nudge a source wants sent: its key (unique for what it is about), to whom, and when.</summary>
public sealed record NudgePlan(string Key, long ResidentId, string Ref, DateTime DueAt, DateTime? Basis = null);

/// <summary>What a source says when a nudge's time comes.</summary>
public sealed record Composed(string? Text, Keyboard? Buttons, string? DropReason, bool Again)
{
    public static Composed Send(string text, Keyboard? buttons = null) => new(text, buttons, null, false);

    public static Composed Drop(string reason) => new(null, null, reason, false);

    /// <summary>The person moved on (answered another question): forget this one; the next scan plans it afresh.</summary>
    public static Composed Replan() => new(null, null, null, true);
}

/// <summary>
/// One kind of nudge: finds who should get one (<see cref="Plan"/>, asked by the recurring scan) and writes it when
/// its time comes (<see cref="Compose"/>, which also says when it is no longer needed). Register with
/// services.AddNudgeSource&lt;T&gt;().
/// </summary>
public interface INudgeSource
{
    /// <summary>"followup", "untriaged", "poll", "quiz": the first part of each key.</summary>
    string Kind { get; }

    /// <summary>Lower goes first when several nudges to one person are due together, so it wins the last free place under the cap.</summary>
    int Priority { get; }

    OverCap OverCap { get; }

    /// <summary>True if the person's reminders switch in /settings turns it off.</summary>
    bool Optional { get; }

    /// <summary>Nudges due before <paramref name="horizon"/> that are not planned yet.</summary>
    IEnumerable<NudgePlan> Plan(DateTime now, DateTime horizon);

    Composed Compose(Nudge nudge, Resident person, DateTime now);

    /// <summary>A nudge postponed to this time or later is dropped instead (the poll has closed by then).</summary>
    DateTime? Deadline(Nudge nudge) => null;
}
