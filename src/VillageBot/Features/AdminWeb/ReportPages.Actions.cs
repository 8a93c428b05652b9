using Microsoft.AspNetCore.Mvc;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.AdminWeb;

/// <summary>What the report pages do: the photo, a status change and a new category.</summary>
public static partial class ReportPages
{
    private static async Task<IResult> PhotoAsync(HttpContext http, int id, ReportStore store, IChatFiles files, CancellationToken ct)
    {
        var viewer = WebViewer.From(http.User);
        if (store.Find(id) is not { PhotoFileId: { } fileId } r)
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
        return Results.File(bytes, ImageType(bytes));
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
