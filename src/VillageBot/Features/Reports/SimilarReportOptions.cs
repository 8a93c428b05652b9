using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Reports;

/// <summary>How the place of two reports weighs in "is this the same problem?" when both have a location.</summary>
public sealed class SimilarReportOptions
{
    public const string Section = "Reports:Similar";

    /// <summary>
    /// Reports this close are at the same place (the same street light, the same pothole): a report of the proposed
    /// category, or one sharing a few words (<see cref="SimilarReports.NearThreshold"/>), is offered as the same problem.
    /// </summary>
    [Range(1, 100_000)]
    public double NearMeters { get; set; } = 100;

    /// <summary>Reports further apart than this are at different places and never offered, however alike their words.</summary>
    [Range(1, 1_000_000)]
    public double FarMeters { get; set; } = 1000;
}
