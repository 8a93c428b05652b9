using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Digest;

/// <summary>
/// "You said, we did" on the pulse page: for each village in view, the month the last digest was about — reports
/// received, resolved and in progress, and what came of its polls and most supported problems.
/// </summary>
public sealed class DigestPulse(VillageDigest digest, IDocumentStore db, Texts texts, TimeProvider time) : IPulseSource
{
    public string Slot => PulseSlots.Digest;

    public PulseSection? Build(PulseScope scope)
    {
        var month = digest.MonthBefore(time.GetUtcNow().UtcDateTime);
        var rows = new List<IReadOnlyList<string>>();
        foreach (var village in db.Villages.FindAll().Where(v => scope.Includes(v.Id)).OrderBy(v => v.Name, StringComparer.Ordinal))
        {
            var facts = digest.Gather(village.Id, month);
            if (facts.IsEmpty)
            {
                continue;
            }

            var done = facts.Polls.Where(p => p.Outcome is not null).Select(p => $"«{p.Question}» → {p.Outcome}")
                .Concat(facts.MostSupported.Where(p => p.Note is not null).Select(p => $"{p.Reference} → {p.Note}"));
            rows.Add([
                village.Name,
                month.ToString("MM.yyyy", CultureInfo.InvariantCulture),
                Count(facts.Categories.Sum(c => c.Received)),
                Count(facts.Categories.Sum(c => c.Resolved)),
                Count(facts.Categories.Sum(c => c.InProgress)),
                string.Join("; ", done),
            ]);
        }

        return rows.Count == 0 ? null : new PulseSection([], new PulseTable(
            [T(scope, "digest.pulse.village"), T(scope, "digest.pulse.month"), T(scope, "digest.pulse.received"), T(scope, "digest.pulse.resolved"), T(scope, "digest.pulse.in_progress"), T(scope, "digest.pulse.done")],
            rows));
    }

    private static string Count(int n) => n.ToString(CultureInfo.InvariantCulture);

    private string T(PulseScope scope, string key) => texts.Get(scope.Lang, key);
}
