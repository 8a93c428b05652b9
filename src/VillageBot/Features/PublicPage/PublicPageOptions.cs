using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.PublicPage;

/// <summary>A village's public page, /v/{code} (section "PublicPage"); each village's page is off until an admin turns it on.</summary>
public sealed class PublicPageOptions
{
    public const string Section = "PublicPage";

    /// <summary>Any count or poll result that comes from fewer different people than this reads "fewer than N".</summary>
    [Range(1, 100)]
    public int MinPeople { get; set; } = 5;

    /// <summary>How many months the page shows: this month so far and the ones before it.</summary>
    [Range(1, 12)]
    public int Months { get; set; } = 3;

    /// <summary>How long a browser or a cache may keep the page (Cache-Control max-age).</summary>
    [Range(0, 86_400)]
    public int CacheSeconds { get; set; } = 300;

    /// <summary>At most this many reports whose text a coordinator made public are listed.</summary>
    [Range(0, 100)]
    public int MaxPublicReports { get; set; } = 20;
}
