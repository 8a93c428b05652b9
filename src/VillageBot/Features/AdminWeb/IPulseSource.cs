namespace VillageBot.Features.AdminWeb;

/// <summary>
/// A feature's contribution to the village pulse page: poll results ("polls"), quiz learning needs
/// ("learning"), questions the bot could not answer ("gaps"), where reports were sent ("delivery") or the last month's "you said, we did" ("digest"). Register with
/// <c>services.AddSingleton&lt;IPulseSource, T&gt;()</c>; texts are the feature's own, in <see cref="PulseScope.Lang"/>.
/// </summary>
public interface IPulseSource
{
    /// <summary>Which part of the page this fills: one of <see cref="PulseSlots.All"/>.</summary>
    string Slot { get; }

    /// <summary>The section for these villages and dates, or null when there is nothing to show.</summary>
    PulseSection? Build(PulseScope scope);
}

public static class PulseSlots
{
    public const string Polls = "polls";
    public const string Learning = "learning";
    public const string Gaps = "gaps";
    public const string Delivery = "delivery";
    public const string Digest = "digest";

    public static readonly IReadOnlyList<string> All = [Polls, Learning, Gaps, Delivery, Digest];
}

/// <param name="VillageIds">The villages to include; null means every village (an admin without a village filter).</param>
public sealed record PulseScope(IReadOnlySet<int>? VillageIds, DateTime FromUtc, DateTime ToUtc, string Lang)
{
    public bool Includes(int villageId) => VillageIds is null || VillageIds.Contains(villageId);
}

/// <summary>
/// Bar charts and/or a table, after an optional lead sentence; every label is already localised and is HTML-encoded
/// by the page, which writes the numbers in the page's language.
/// </summary>
public sealed record PulseSection(IReadOnlyList<PulseBars> Charts, PulseTable? Table = null, string? Lead = null);

/// <param name="Max">The end of the measure's own scale (3 for confidence, 100 for percent, the voters of a poll); null: the largest value, rounded up.</param>
public sealed record PulseBars(string Title, IReadOnlyList<(string Label, double Value)> Bars, string ValueFormat = "0", double? Max = null);

public sealed record PulseTable(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows);
