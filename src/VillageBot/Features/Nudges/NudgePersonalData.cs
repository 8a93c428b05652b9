using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Nudges;

/// <summary>The reminders planned for and sent to a person, for /mydata and /forget.</summary>
public sealed class NudgePersonalData(NudgeStore store) : IPersonalData
{
    public string Section => "reminders";

    public IReadOnlyList<string> Collections => ["nudges"];

    public object? Export(long userId)
    {
        var nudges = store.ForResident(userId);
        return nudges.Count == 0
            ? null
            : nudges.OrderBy(n => n.CreatedAt).Select(n => new { kind = n.Kind, about = n.Ref, state = n.State.ToString(), due = n.DueAt, sent = n.SentAt, reason = n.Reason }).ToList();
    }

    public void Erase(long userId) => store.Erase(userId);
}
