using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// The review queue (admins): reports the classifier was unsure about or the reporter re-filed, lowest
/// confidence first, each with a relabel form. Saving the same category marks it reviewed.
/// </summary>
public static class ReviewPage
{
    public static void MapReviewPage(this IEndpointRouteBuilder web) =>
        web.MapGet("/review", (HttpContext http, IDocumentStore db, ReportStore store) =>
        {
            var ui = WebUi.For(http);
            var f = ReportFilter.Parse(http.Request.Query);
            var queue = Queue(store.Find(f.ToReportQuery(ui.Viewer!, ui.Zone))).ToList();
            return ui.Render<ReviewQueuePage>(new Dictionary<string, object?>
            {
                ["Filter"] = f,
                ["View"] = new ReportPresenter(db),
                ["Reports"] = queue.Skip((f.Page - 1) * ReportFilter.PageSize).Take(ReportFilter.PageSize).ToList(),
                ["Total"] = queue.Count,
            });
        }).RequireAuthorization(AdminWebFeature.AdminPolicy);

    /// <summary>Open reports waiting for review, the least certain first (oldest first among equals).</summary>
    public static IEnumerable<Report> Queue(IEnumerable<Report> reports) =>
        reports.Where(r => r.NeedsReview && r.IsOpen).OrderBy(r => r.Confidence).ThenBy(r => r.CreatedAt);
}
