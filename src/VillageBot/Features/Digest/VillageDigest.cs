using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using VillageBot.Features.Polls;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Digest;

/// <summary>One village's month in numbers: what residents raised, what was done, what polls decided.</summary>
public sealed record DigestFacts(
    int VillageId,
    DateOnly Month,
    IReadOnlyList<CategoryCounts> Categories,
    IReadOnlyList<SupportedProblem> MostSupported,
    IReadOnlyList<PollOutcomeFact> Polls,
    IReadOnlySet<long> Participants)
{
    /// <summary>How many different reporters stand behind the month's totals: received, resolved, in progress.</summary>
    public CategoryCounts Totals { get; init; } = new("", 0, 0, 0);

    public bool IsEmpty => Categories.Count == 0 && MostSupported.Count == 0 && Polls.Count == 0;
}

/// <param name="ReceivedPeople">How many different known reporters the received reports came from (likewise the other two).</param>
public sealed record CategoryCounts(string Category, int Received, int Resolved, int InProgress, int ReceivedPeople = 0, int ResolvedPeople = 0, int InProgressPeople = 0)
{
    public static CategoryCounts Of(string category, IReadOnlyList<Report> received, IReadOnlyList<Report> resolved, IReadOnlyList<Report> inProgress) =>
        new(category, received.Count, resolved.Count, inProgress.Count, Reporters(received), Reporters(resolved), Reporters(inProgress));

    /// <summary>Different reporters; a report whose reporter used /forget counts for nobody, so a figure is hidden rather than shown too early.</summary>
    private static int Reporters(IEnumerable<Report> reports) => reports.Select(r => r.ReporterId).OfType<long>().Distinct().Count();
}

/// <param name="Note">The latest note its coordinator made public, if any.</param>
/// <param name="PublicText">The report's text only when a coordinator marked it public (<see cref="Report.Public"/>); the digest never shows it.</param>
public sealed record SupportedProblem(string Reference, string Category, int Supporters, string Status, string? Note, string? PublicText = null);

/// <param name="Top">The most chosen option and how many chose it; null when fewer than the minimum answered.</param>
public sealed record PollOutcomeFact(string Question, int Voters, (string Option, int Count)? Top, string? Outcome);

/// <summary>
/// Gathers and writes the monthly digest of a village. Only aggregates, public notes and coordinators' own words
/// appear: no report text, no names, and no figure from fewer than <see cref="DigestOptions.MinPeople"/> people.
/// The text is also what a linked village group (<see cref="GroupText"/>) or a page can show (<see cref="Text(int, DateOnly, string)"/>).
/// </summary>
public sealed class VillageDigest(ReportStore reports, PollStore polls, PollResults results, ReportView view, Texts texts, TimeZoneInfo zone, IOptions<DigestOptions> options)
{
    private readonly ConcurrentDictionary<(int, DateOnly, string, bool), string> _texts = new();

    /// <summary>The month (its first day) a digest sent at <paramref name="utc"/> is about: the calendar month before, village time.</summary>
    public DateOnly MonthBefore(DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone);
        return new DateOnly(local.Year, local.Month, 1).AddMonths(-1);
    }

    /// <summary>The UTC instant a local time of the villages' zone stands for.</summary>
    public DateTime Utc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), zone);

    /// <summary>
    /// The month whose digest comes due (on Digest:Day at Digest:Hour, village time) by <paramref name="horizon"/>
    /// and is not too late (Digest:LateDays) at <paramref name="now"/>, with that time in UTC; null when none is.
    /// </summary>
    public (DateOnly Month, DateTime Due)? DueBy(DateTime now, DateTime horizon)
    {
        var o = options.Value;
        if (!o.Enabled)
        {
            return null;
        }

        var due = Utc(MonthBefore(horizon).AddMonths(1).AddDays(o.Day - 1).ToDateTime(new TimeOnly(o.Hour, 0)));
        var month = MonthBefore(due);
        return due > horizon || now - due > TimeSpan.FromDays(o.LateDays) || now < Utc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue))
            ? null
            : (month, due);
    }

    /// <summary>
    /// The digest of a finished month in one language, written once per process when the first one goes out, so
    /// everyone who gets it that day reads the same figures.
    /// </summary>
    public string Text(int villageId, DateOnly month, string lang) =>
        _texts.GetOrAdd((villageId, month, lang, false), k => Write(Gather(k.Item1, k.Item2), k.Item3));

    /// <summary>The same digest for the village's group: it ends by pointing to the private chat instead of a member's own commands.</summary>
    public string GroupText(int villageId, DateOnly month, string lang) =>
        _texts.GetOrAdd((villageId, month, lang, true), k => Write(Gather(k.Item1, k.Item2), k.Item3, inGroup: true));

    /// <summary>
    /// Gathers the month's facts afresh from the reports and polls as they are now. A poll's result is left out when
    /// fewer than <paramref name="minPeople"/> answered (the digest's own minimum when not given).
    /// </summary>
    public DigestFacts Gather(int villageId, DateOnly month, int? minPeople = null)
    {
        var from = Utc(month.ToDateTime(TimeOnly.MinValue));
        var to = Utc(month.AddMonths(1).ToDateTime(TimeOnly.MinValue));
        bool InMonth(DateTime? at) => at >= from && at < to;

        var all = reports.Reports.Find(r => r.VillageId == villageId).ToList();
        var received = all.Where(r => InMonth(r.CreatedAt)).ToList();
        var resolved = all.Where(r => r.History.Any(h => h.To == ReportStatus.Resolved && InMonth(h.At))).ToList();
        var inProgress = all.Where(r => r.Status == ReportStatus.InProgress).ToList();
        var categories = received.Concat(resolved).Concat(inProgress).Select(r => r.Category).Distinct().Order(StringComparer.Ordinal)
            .Select(c => CategoryCounts.Of(c, [.. received.Where(r => r.Category == c)], [.. resolved.Where(r => r.Category == c)], [.. inProgress.Where(r => r.Category == c)]))
            .ToList();

        // Problems people backed that were raised or moved this month: the three with most support, and what came of them.
        var active = all.Where(r => InMonth(r.CreatedAt) || r.History.Any(h => InMonth(h.At))).ToList();
        var mostSupported = active.Where(r => r.Supporters.Count > 0).OrderByDescending(r => r.Supporters.Count).ThenBy(r => r.Id).Take(3)
            .Select(r => new SupportedProblem(r.Reference, r.Category, r.Supporters.Count, r.Status, r.History.LastOrDefault(h => h.NotePublic && !string.IsNullOrEmpty(h.Note))?.Note, PublicTextOf(r)))
            .ToList();

        var min = minPeople ?? options.Value.MinPeople;
        var participants = new HashSet<long>();
        foreach (var r in received)
        {
            if (r.ReporterId is long reporter)
            {
                participants.Add(reporter);
            }

            // Supporting carries no date; a +1 on a report raised this month is counted as this month's.
            participants.UnionWith(r.Supporters);
        }

        var pollFacts = new List<PollOutcomeFact>();
        foreach (var poll in polls.Polls.Find(p => p.VillageId == villageId).Where(p => InMonth(p.SendAt) || InMonth(p.ClosedAt) || InMonth(p.OutcomeAt)).OrderBy(p => p.SendAt))
        {
            participants.UnionWith(polls.MessagesOf(poll.Id).Where(m => InMonth(m.VotedAt)).Select(m => m.ResidentId));
            var tally = results.Tally(poll);
            var best = tally.Counts.Select((count, i) => (Option: poll.Options[i], Count: count)).OrderByDescending(x => x.Count).FirstOrDefault();
            pollFacts.Add(new PollOutcomeFact(poll.Question, tally.Voters, tally.Voters >= min && best.Count > 0 ? best : null, poll.Outcome));
        }

        return new DigestFacts(villageId, month, categories, mostSupported, pollFacts, participants) { Totals = CategoryCounts.Of("", received, resolved, inProgress) };
    }

    /// <summary>A report's text where the public may read it: marked public by a coordinator, and its reporter has not used /forget.</summary>
    public static string? PublicTextOf(Report r) => r.Public && r.ReporterId is not null ? r.Text : null;

    public string Write(DigestFacts facts, string lang, bool inGroup = false)
    {
        var min = options.Value.MinPeople;
        var text = new StringBuilder(texts.Get(lang, "digest.title", view.VillageName(facts.VillageId), facts.Month.ToString("MM.yyyy", CultureInfo.InvariantCulture)));
        text.Append("\n\n").Append(texts.Get(lang, "digest.reports", facts.Categories.Sum(c => c.Received), facts.Categories.Sum(c => c.Resolved), facts.Categories.Sum(c => c.InProgress)));
        foreach (var c in facts.Categories)
        {
            text.Append("\n• ").Append(texts.Get(lang, "digest.category", view.Category(lang, c.Category), c.Received, c.Resolved, c.InProgress));
        }

        if (facts.MostSupported.Count > 0)
        {
            text.Append("\n\n").Append(texts.Get(lang, "digest.supported"));
            var n = 0;
            foreach (var p in facts.MostSupported)
            {
                text.Append('\n').Append(++n).Append(". ").Append(view.Category(lang, p.Category)).Append(" (").Append(p.Reference).Append(')');
                if (p.Supporters >= min)
                {
                    text.Append(" 👍 ").Append(p.Supporters);
                }

                text.Append(" — ").Append(view.Status(lang, p.Status));
                if (p.Note is { } note)
                {
                    text.Append(": ").Append(MessageLimits.Clip(note, 200));
                }
            }
        }

        if (facts.Polls.Count > 0)
        {
            text.Append("\n\n").Append(texts.Get(lang, "digest.polls"));
            foreach (var p in facts.Polls)
            {
                text.Append("\n• «").Append(MessageLimits.Clip(p.Question, 120)).Append("» — ");
                text.Append(p.Top is { } top
                    ? texts.Get(lang, "digest.poll_result", p.Voters, top.Option, top.Count)
                    : texts.Get(lang, "digest.poll_few", min));
                if (p.Outcome is { } outcome)
                {
                    text.Append("\n  ").Append(texts.Get(lang, "digest.poll_outcome", MessageLimits.Clip(outcome, 300)));
                }
            }
        }

        text.Append("\n\n").Append(texts.Get(lang, inGroup ? "digest.footer_group" : "digest.footer"));
        return MessageLimits.Clip(text.ToString(), MessageLimits.Text);
    }
}
