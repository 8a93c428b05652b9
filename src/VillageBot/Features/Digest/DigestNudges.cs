using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Nudges;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Digest;

/// <summary>
/// The monthly digest as a nudge, so the recurring nudge scan (a Hangfire job) plans it and the nudge delivery sends
/// it: once per person and month across restarts, never in quiet hours, counted against the weekly cap (over it, it
/// waits), and not at all for whoever turned reminders off. It goes on <see cref="DigestOptions.Day"/> at
/// <see cref="DigestOptions.Hour"/> (village time) to everyone who reported, supported or voted in the village in the
/// month before, and to members who asked for it in /settings.
/// </summary>
public sealed class DigestNudges(VillageDigest digest, IDocumentStore db) : INudgeSource
{
    public const string KindName = "digest";

    public string Kind => KindName;

    public int Priority => 5;

    public OverCap OverCap => OverCap.Postpone;

    public bool Optional => true;

    public IEnumerable<NudgePlan> Plan(DateTime now, DateTime horizon)
    {
        if (digest.DueBy(now, horizon) is not { } run)
        {
            yield break;
        }

        var (month, due) = run;
        var key = month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        foreach (var village in db.Villages.FindAll().ToList())
        {
            var facts = digest.Gather(village.Id, month);
            if (facts.IsEmpty)
            {
                continue;
            }

            var recipients = new HashSet<long>(facts.Participants);
            recipients.UnionWith(db.Residents.Find(r => r.VillageId == village.Id && r.DigestAlways).Select(r => r.Id));
            foreach (var resident in recipients)
            {
                yield return new NudgePlan($"{Kind}:{key}:{resident}", resident, $"{village.Id}:{key}", due);
            }
        }
    }

    public Composed Compose(Nudge nudge, Resident person, DateTime now)
    {
        var parts = nudge.Ref.Split(':');
        if (parts.Length != 2 || !int.TryParse(parts[0], CultureInfo.InvariantCulture, out var villageId)
            || !DateOnly.TryParseExact(parts[1] + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month))
        {
            return Composed.Drop("unknown digest");
        }

        return Composed.Send(digest.Text(villageId, month, person.Lang));
    }
}
