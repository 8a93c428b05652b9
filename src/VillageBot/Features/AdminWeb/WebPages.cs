using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>Pages for refusals and missing things, and the small JSON API over the same filters.</summary>
public static class WebPages
{
    public static IResult Denied(WebUi ui) =>
        ui.Page(ui.T("web.denied.title"), $"<p>{ui.TE("web.denied.text")}</p><p><a href=\"/web/reports\">{ui.TE("web.nav.reports")}</a></p>", StatusCodes.Status403Forbidden);

    public static IResult NotFound(WebUi ui) =>
        ui.Page(ui.T("web.notfound.title"), $"<p>{ui.TE("web.notfound.text")}</p><p><a href=\"/web/reports\">{ui.TE("web.nav.reports")}</a></p>", StatusCodes.Status404NotFound);

    public static Task WriteDeniedAsync(HttpContext http) => Denied(WebUi.For(http)).ExecuteAsync(http);

    public static void MapWebApi(this IEndpointRouteBuilder web) =>
        web.MapGet("/api/reports", (HttpContext http, Db db, ReportStore store) =>
        {
            var viewer = WebViewer.From(http.User);
            var f = ReportFilter.Parse(http.Request.Query);
            if (f.Village is int v && !viewer.MaySee(v))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            var view = new ReportPresenter(db);
            var zone = WebTime.Zone(http.RequestServices);
            var items = store.Page(f.ToReportQuery(viewer, zone), f.Page, ReportFilter.PageSize).Items
                .Select(r => new
                {
                    id = r.Id,
                    reference = ReportPresenter.Reference(r),
                    village = view.VillageName(r.VillageId),
                    r.Category,
                    r.Pillar,
                    r.Status,
                    r.Confidence,
                    r.NeedsReview,
                    supporters = r.Supporters.Count,
                    r.CreatedAt,
                    r.UpdatedAt,
                    r.Latitude,
                    r.Longitude,
                    r.Text,
                });
            return Results.Ok(items);
        });
}
