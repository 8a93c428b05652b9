using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Digest;
using VillageBot.Features.Reports;

namespace VillageBot.Features.PublicPage;

/// <summary>What a village's public page shows: the digest's facts for the recent months and the reports made public.</summary>
public sealed record PublicVillageView(Village Village, IReadOnlyList<DigestFacts> Months, IReadOnlyList<Report> PublicReports, int MinPeople, DateOnly ThisMonth);

/// <summary>
/// Gathers a public page from the monthly digest's own facts (<see cref="VillageDigest.Gather"/>), with the page's
/// minimum of people for poll results; reports appear with their text only when a coordinator marked them public and
/// their reporter has not used /forget.
/// </summary>
public sealed class PublicVillage(VillageDigest digest, ReportStore reports, TimeProvider time, IOptions<PublicPageOptions> options)
{
    public PublicVillageView Of(Village village)
    {
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        var thisMonth = digest.MonthBefore(now).AddMonths(1);
        var months = Enumerable.Range(0, o.Months).Select(i => digest.Gather(village.Id, thisMonth.AddMonths(-i), o.MinPeople)).ToList();
        var since = digest.Utc(thisMonth.AddMonths(1 - o.Months).ToDateTime(TimeOnly.MinValue));
        var published = reports.Reports.Find(r => r.VillageId == village.Id && r.Public)
            .Where(r => VillageDigest.PublicTextOf(r) is not null && (r.CreatedAt >= since || r.StatusChangedAt >= since))
            .OrderByDescending(r => r.CreatedAt).Take(o.MaxPublicReports).ToList();
        return new PublicVillageView(village, months, published, o.MinPeople, thisMonth);
    }
}
