namespace VillageBot.Features.Reports;

/// <summary>
/// Which reports to read, for the pages and APIs outside the chat (admin web, pulse, Open311): every condition
/// given must hold, and a condition left null holds for every report.
/// </summary>
public sealed record ReportQuery
{
    /// <summary>The villages to read; null means every village, an empty list none.</summary>
    public IReadOnlyCollection<int>? Villages { get; init; }

    /// <summary>Any of these categories; null or empty means every category.</summary>
    public IReadOnlyCollection<string>? Categories { get; init; }

    public string? Pillar { get; init; }

    public string? Status { get; init; }

    /// <summary>True for open reports only (not resolved or rejected), false for closed ones only.</summary>
    public bool? Open { get; init; }

    /// <summary>The classifier's confidence, in percent, both ends included.</summary>
    public int? MinConfidence { get; init; }

    public int? MaxConfidence { get; init; }

    /// <summary>Created at or after this instant (UTC).</summary>
    public DateTime? CreatedFrom { get; init; }

    /// <summary>Created before this instant (UTC), the end excluded.</summary>
    public DateTime? CreatedBefore { get; init; }

    /// <summary>Created at or before this instant (UTC), the end included.</summary>
    public DateTime? CreatedUntil { get; init; }

    /// <summary>Open reports waiting for an admin's review.</summary>
    public bool ForReview { get; init; }

    public bool Matches(Report r) =>
        (Villages is null || Villages.Contains(r.VillageId))
        && (Categories is not { Count: > 0 } || Categories.Contains(r.Category))
        && (Pillar is null || r.Pillar == Pillar)
        && (Status is null || r.Status == Status)
        && (Open is not bool open || r.IsOpen == open)
        && (MinConfidence is not int min || r.Confidence * 100 >= min - 1e-9)
        && (MaxConfidence is not int max || r.Confidence * 100 <= max + 1e-9)
        && (CreatedFrom is not DateTime from || r.CreatedAt >= from)
        && (CreatedBefore is not DateTime before || r.CreatedAt < before)
        && (CreatedUntil is not DateTime until || r.CreatedAt <= until)
        && (!ForReview || (r.NeedsReview && r.IsOpen));
}

/// <summary>One page of reports, newest first, and how many matched in all.</summary>
public sealed record ReportPage(IReadOnlyList<Report> Items, int Total);

/// <summary>How many reports fall in each period (by category, by pillar) and in each status.</summary>
public sealed record ReportCounts(
    int Total,
    IReadOnlyDictionary<(string Category, int Period), int> ByCategory,
    IReadOnlyDictionary<(string Pillar, int Period), int> ByPillar,
    IReadOnlyDictionary<string, int> ByStatus);
