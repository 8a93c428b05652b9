using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>The reports table, one report with its photo, voice message and location, and the status and category changes (pages in ReportListPage.razor and ReportDetailPage.razor).</summary>
public static class ReportPages
{
    public static void MapReportPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/reports", List);
        web.MapGet("/reports/{key}", Detail);
        web.MapGet("/reports/{id:int}/photo", (HttpContext http, int id, ReportStore store, IChatFiles files, CancellationToken ct) =>
            MediaAsync(http, store.Find(id), r => r.PhotoFileId, ImageType, files, ct));
        web.MapGet("/reports/{id:int}/voice", (HttpContext http, int id, ReportStore store, IChatFiles files, CancellationToken ct) =>
            MediaAsync(http, store.Find(id), r => r.VoiceFileId, _ => "audio/ogg", files, ct));
        web.MapPost("/reports/{id:int}/status", ChangeStatusAsync);
        web.MapPost("/reports/{id:int}/public", MarkPublic);
        web.MapPost("/reports/{id:int}/category", RelabelAsync).RequireAuthorization(AdminWebFeature.AdminPolicy);
    }

    private static IResult List(HttpContext http, IDocumentStore db, ReportStore store, IOptions<WebOptions> options)
    {
        var ui = WebUi.For(http);
        var viewer = ui.Viewer!;
        var f = ReportFilter.Parse(http.Request.Query);
        if (f.Village is int v && !viewer.MaySee(v))
        {
            return WebPages.Denied(ui);
        }

        var query = f.ToReportQuery(viewer, ui.Zone);
        var page = store.Page(query, f.Page, ReportFilter.PageSize);
        return ui.Render<ReportListPage>(new Dictionary<string, object?>
        {
            ["Options"] = options.Value,
            ["Points"] = ReportMap.Of(ui, store.Find(query)),
            ["Filter"] = f,
            ["View"] = new ReportPresenter(db),
            ["Reports"] = page.Items.ToList(),
            ["Total"] = page.Total,
        });
    }

    /// <summary>One report, by its reference as residents see it in the chat (R-1001) or by its number.</summary>
    private static IResult Detail(HttpContext http, string key, IDocumentStore db, ReportStore store, IOptions<WebOptions> options)
    {
        var ui = WebUi.For(http);
        if (store.Find(key) is not { } r)
        {
            return WebPages.NotFound(ui);
        }

        if (!ui.Viewer!.MaySee(r.VillageId))
        {
            return WebPages.Denied(ui);
        }

        return ui.Render<ReportDetailPage>(new Dictionary<string, object?>
        {
            ["Report"] = r,
            ["Options"] = options.Value,
            ["Points"] = ReportMap.Of(ui, [r]),
            ["View"] = new ReportPresenter(db),
            ["Facts"] = http.RequestServices.GetServices<IReportFacts>().SelectMany(f => f.For(r, ui.Lang)).ToList(),
        });
    }

    /// <summary>A file the resident sent with the report (its photo, its voice message), to whoever may see the report.</summary>
    private static async Task<IResult> MediaAsync(HttpContext http, Report? r, Func<Report, string?> file, Func<byte[], string> contentType, IChatFiles files, CancellationToken ct)
    {
        var viewer = WebViewer.From(http.User);
        if (r is null || file(r) is not { } fileId)
        {
            return Results.NotFound();
        }

        if (!viewer.MaySee(r.VillageId))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var bytes = await files.DownloadAsync(fileId, ct);
        if (bytes is null)
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "private, max-age=86400";
        return Results.File(bytes, contentType(bytes));
    }

    private static async Task<IResult> ChangeStatusAsync(HttpContext http, int id, [FromForm] string? status, [FromForm] string? note, [FromForm(Name = "public_note")] string? publicNote, ReportStore store, ReportStatusService service, CancellationToken ct)
    {
        var ui = WebUi.For(http);
        if (store.Find(id) is not { } r)
        {
            return WebPages.NotFound(ui);
        }

        if (!ui.Viewer!.MaySee(r.VillageId))
        {
            return WebPages.Denied(ui);
        }

        if (note is { Length: > ReportStatusService.MaxNoteLength })
        {
            return Back(id, "error=note");
        }

        var outcome = status is null ? ReportChange.NotAllowed : await service.ChangeStatusAsync(id, status, note, ui.Viewer.UserId, publicNote == "on", ct);
        return Back(id, outcome == ReportChange.Done ? "done=status" : "error=transition");
    }

    /// <summary>A coordinator of the village (or an admin) lets the text show on the village's public page, or takes it back.</summary>
    private static IResult MarkPublic(HttpContext http, int id, [FromForm(Name = "public")] string? isPublic, ReportStore store, TimeProvider time)
    {
        var ui = WebUi.For(http);
        if (store.Find(id) is not { } r)
        {
            return WebPages.NotFound(ui);
        }

        if (!ui.Viewer!.MaySee(r.VillageId))
        {
            return WebPages.Denied(ui);
        }

        if (isPublic is not ("on" or "off") || store.MarkPublic(id, isPublic == "on", time.GetUtcNow().UtcDateTime) is not { } marked || marked.Public != (isPublic == "on"))
        {
            return Back(id, "error=public");
        }

        return Back(id, marked.Public ? "done=public" : "done=private");
    }

    private static async Task<IResult> RelabelAsync(HttpContext http, int id, [FromForm] string? category, [FromForm] string? back, ReportStore store, ReportStatusService service, CancellationToken ct)
    {
        var ui = WebUi.For(http);
        if (store.Find(id) is null)
        {
            return WebPages.NotFound(ui);
        }

        var outcome = category is null ? ReportChange.NotAllowed : await service.RelabelAsync(id, category, ui.Viewer!.UserId, ct);
        var result = outcome switch
        {
            ReportChange.Done => "done=category",
            ReportChange.Unchanged => "done=reviewed",
            _ => "error=category",
        };
        return back == "review" ? Results.Redirect("/web/review?" + result) : Back(id, result);
    }

    private static IResult Back(int id, string result) => Results.Redirect($"/web/reports/{id}?{result}");

    private static string ImageType(byte[] b) => b switch
    {
        [0x89, 0x50, 0x4E, 0x47, ..] => "image/png",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "image/webp",
        _ => "image/jpeg",
    };
}
