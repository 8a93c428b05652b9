using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>Pages for refusals and missing things, and the small JSON API over the same filters.</summary>
public static class WebPages
{
    public static IResult Denied(WebUi ui) =>
        ui.Message(ui.T("web.denied.title"), [ui.T("web.denied.text")], StatusCodes.Status403Forbidden);

    public static IResult NotFound(WebUi ui, string textKey = "web.notfound.text") =>
        ui.Message(ui.T("web.notfound.title"), [ui.T(textKey)], StatusCodes.Status404NotFound);

    /// <summary>A form that could not be accepted (an expired page, a missing anti-forgery field) or a failure on our side.</summary>
    public static IResult Problem(WebUi ui, int status) =>
        ui.Message(ui.T("web.problem.title"), [ui.T(status < 500 ? "web.problem.request" : "web.problem.server")], status);

    /// <summary>
    /// A person's error page for any /web address that ended in an error without a body (an unknown address, a refused
    /// form): the page in their language instead of a blank one. Machine clients keep the bare status code.
    /// </summary>
    public static Task WriteStatusPageAsync(HttpContext http)
    {
        if (!http.Request.Path.StartsWithSegments("/web") || WebPaths.IsApi(http.Request))
        {
            return Task.CompletedTask;
        }

        var ui = WebUi.For(http);
        var status = http.Response.StatusCode;
        var page = status switch
        {
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => NotFound(ui, "web.notfound.page"),
            StatusCodes.Status403Forbidden => Denied(ui),
            _ => Problem(ui, status),
        };
        return page.ExecuteAsync(http);
    }

    public static Task WriteDeniedAsync(HttpContext http) => Denied(WebUi.For(http)).ExecuteAsync(http);

    public static void MapWebApi(this IEndpointRouteBuilder web) =>
        web.MapGet("/api/reports", (HttpContext http, IDocumentStore db, ReportStore store) =>
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
