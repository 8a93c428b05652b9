using System.Globalization;

namespace VillageBot.Features.Reports;

/// <summary>The reading side other features use: they ask in terms of reports, never of the collection.</summary>
public sealed partial class ReportStore
{
    /// <summary>
    /// The reports matching <paramref name="query"/>, in no particular order. Every village's are read in batches (see
    /// <see cref="InBatches"/>): one query over every report would hold all of their pages at once, and LiteDB's cache
    /// keeps what it once held.
    /// </summary>
    public IEnumerable<Report> Find(ReportQuery query) => query.Villages is null
        ? InBatches(query).SelectMany(batch => batch)
        : InVillages(query, query.Villages);

    /// <summary>The matching reports of a few villages, read through the villages' index.</summary>
    private IEnumerable<Report> InVillages(ReportQuery query, IReadOnlyCollection<int> villages) =>
        villages.Distinct().SelectMany(id => Reports.Find(r => r.VillageId == id)).Where(query.Matches);

    /// <summary>
    /// The matching reports in the order of their references, read <paramref name="batch"/> at a time as the caller goes:
    /// an export of every report never holds them all.
    /// </summary>
    public IEnumerable<IReadOnlyList<Report>> InBatches(ReportQuery query, int batch = 500)
    {
        if (query.Villages is { } villages)
        {
            // A few villages' reports, through their index: they are sorted here.
            foreach (var chunk in InVillages(query, villages).OrderBy(r => r.Id).Chunk(batch))
            {
                yield return chunk;
            }

            yield break;
        }

        object? last = null;
        while (Reports.After(last, batch) is { Count: > 0 } read)
        {
            last = read[^1].Id;
            if (read.Where(query.Matches).ToList() is { Count: > 0 } matching)
            {
                yield return matching;
            }
        }
    }

    /// <summary>
    /// Page <paramref name="page"/> (from 1) of the matching reports, newest first (the lower reference first among
    /// equals). Only the newest <paramref name="page"/> × <paramref name="size"/> are kept while the rest are counted.
    /// </summary>
    public ReportPage Page(ReportQuery query, int page, int size)
    {
        var keep = Math.Max(1, page) * size;

        // The oldest kept comes out first; among reports made at the same moment, the higher reference.
        var newest = new PriorityQueue<Report, (DateTime At, int NegatedId)>();
        var total = 0;
        foreach (var r in Find(query))
        {
            total++;
            newest.Enqueue(r, (r.CreatedAt, -r.Id));
            if (newest.Count > keep)
            {
                newest.Dequeue();
            }
        }

        var ordered = new List<Report>(newest.Count);
        while (newest.TryDequeue(out var r, out _))
        {
            ordered.Add(r);
        }

        ordered.Reverse();
        return new ReportPage([.. ordered.Skip((page - 1) * size).Take(size)], total);
    }

    /// <summary>The matching reports counted per period (the months or weeks of a chart) by category and pillar, and by status.</summary>
    public ReportCounts Count(ReportQuery query, IReadOnlyList<(DateTime FromUtc, DateTime ToUtc)> periods)
    {
        var byCategory = new Dictionary<(string, int), int>();
        var byPillar = new Dictionary<(string, int), int>();
        var byStatus = new Dictionary<string, int>(StringComparer.Ordinal);
        var total = 0;
        foreach (var r in Find(query))
        {
            total++;
            byStatus[r.Status] = byStatus.GetValueOrDefault(r.Status) + 1;
            var p = PeriodOf(periods, r.CreatedAt);
            if (p >= 0)
            {
                byCategory[(r.Category, p)] = byCategory.GetValueOrDefault((r.Category, p)) + 1;
                byPillar[(r.Pillar, p)] = byPillar.GetValueOrDefault((r.Pillar, p)) + 1;
            }
        }

        return new ReportCounts(total, byCategory, byPillar, byStatus);
    }

    /// <summary>The matching reports most residents joined with "+1", the earliest first among equals.</summary>
    public IReadOnlyList<Report> MostSupported(ReportQuery query, int count) =>
        [.. Find(query).Where(r => r.Supporters.Count > 0).OrderByDescending(r => r.Supporters.Count).ThenBy(r => r.CreatedAt).Take(count)];

    /// <summary>
    /// A report by its reference ("R-1001"); a report stored before references were kept is found by its number
    /// ("R-5" or "5" for id 5).
    /// </summary>
    public Report? FindByReference(string reference)
    {
        if (Reports.FindOne(r => r.Reference == reference) is { } byReference)
        {
            return byReference;
        }

        var digits = reference.StartsWith("R-", StringComparison.OrdinalIgnoreCase) ? reference[2..] : reference;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && Find(n) is { } r && string.IsNullOrEmpty(r.Reference) ? r : null;
    }

    /// <summary>Which reports an admin relabelled: the examples retraining adds to the files.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<Report, bool>> IsRelabeled = r => r.RelabeledCategory != null;

    /// <summary>Reports an admin relabelled.</summary>
    public IReadOnlyList<Report> Relabeled() => [.. Reports.Find(IsRelabeled)];

    private static int PeriodOf(IReadOnlyList<(DateTime FromUtc, DateTime ToUtc)> periods, DateTime at)
    {
        for (var i = 0; i < periods.Count; i++)
        {
            if (at >= periods[i].FromUtc && at < periods[i].ToUtc)
            {
                return i;
            }
        }

        return -1;
    }
}
