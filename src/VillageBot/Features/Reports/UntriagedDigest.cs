using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Nudges;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports;

/// <summary>
/// (b) One message per coordinator listing their villages' reports still "new" after
/// <see cref="NudgeOptions.UntriagedHours"/>. A digest goes out when some such report has not been in one of their
/// digests for that long, so each waiting report is mentioned again every UntriagedHours until it is triaged.
/// Work, not a reminder: not counted against the weekly cap and not switched off in /settings; quiet hours hold it.
/// </summary>
public sealed class UntriagedDigest(ReportStore reports, ReportView view, NudgeStore nudges, Texts texts, IDocumentStore db, IOptions<NudgeOptions> options) : INudgeSource
{
    public const string KindName = "untriaged";

    /// <summary>Longer lists end with "and N more"; /reports shows them all.</summary>
    public const int MaxListed = 15;

    public string Kind => KindName;

    public int Priority => 1;

    public OverCap OverCap => OverCap.Exempt;

    public bool Optional => false;

    private TimeSpan Waited => TimeSpan.FromHours(options.Value.UntriagedHours);

    public IEnumerable<NudgePlan> Plan(DateTime now, DateTime horizon)
    {
        var byVillage = Untriaged(now, villages: null).GroupBy(r => r.VillageId).ToDictionary(g => g.Key, g => g.ToList());
        var coordinators = byVillage.Keys.SelectMany(view.Coordinators).DistinctBy(c => c.Id);
        foreach (var coordinator in coordinators)
        {
            var digests = nudges.ForResident(coordinator.Id).Where(n => n.Kind == Kind).ToList();
            if (digests.Any(n => n.Waiting))
            {
                continue;
            }

            var mentioned = digests.Where(n => n.Delivered && n.SentAt > now - Waited).SelectMany(n => n.Reports).ToHashSet();
            var waiting = coordinator.CoordinatorOf.SelectMany(v => byVillage.GetValueOrDefault(v) ?? []);
            if (waiting.Any(r => !mentioned.Contains(r.Id)))
            {
                yield return new NudgePlan($"{Kind}:{coordinator.Id}:{digests.Count + 1}", coordinator.Id, coordinator.Id.ToString(CultureInfo.InvariantCulture), now);
            }
        }
    }

    public Composed Compose(Nudge nudge, Resident person, DateTime now)
    {
        var waiting = Untriaged(now, person.CoordinatorOf).OrderBy(r => r.CreatedAt).ToList();
        if (waiting.Count == 0)
        {
            return Composed.Drop("all triaged");
        }

        nudge.Reports = [.. waiting.Select(r => r.Id)];
        var lang = person.Lang;
        var text = new StringBuilder(texts.Get(lang, "report.untriaged.title", options.Value.UntriagedHours, waiting.Count)).Append("\n\n");
        foreach (var r in waiting.Take(MaxListed))
        {
            var village = db.Villages.FindById(r.VillageId)?.Name ?? "—";
            text.Append(texts.Get(lang, "report.untriaged.item", r.Reference, view.Category(lang, r.Category), village, view.Date(r.CreatedAt), ReportView.Snippet(r.Text, 80))).Append('\n');
        }

        if (waiting.Count > MaxListed)
        {
            text.Append(texts.Get(lang, "report.untriaged.more", waiting.Count - MaxListed)).Append('\n');
        }

        text.Append('\n').Append(texts.Get(lang, "report.untriaged.hint", view.Status(lang, ReportStatus.New)));
        return Composed.Send(text.ToString());
    }

    /// <summary>Reports still new after the allowed wait, of the given villages (all when null).</summary>
    private IEnumerable<Report> Untriaged(DateTime now, IReadOnlyCollection<int>? villages)
    {
        var cutoff = now - Waited;
        return reports.List(villages, [ReportStatus.New], null).Where(r => r.CreatedAt <= cutoff);
    }
}
