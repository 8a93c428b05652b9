using System.Globalization;
using CsvHelper;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// The reports table as CSV with the same filters, for spreadsheets: UTF-8 with a byte order mark (so Excel
/// reads Latvian letters), invariant numbers, ISO 8601 UTC times, and formulas neutralised.
/// </summary>
public static class CsvExport
{
    public static readonly string[] Columns =
    [
        "reference", "created_at", "updated_at", "village", "category", "category_label", "pillar", "status", "confidence",
        "needs_review", "supporters", "latitude", "longitude", "has_photo", "reporter", "text", "status_note",
    ];

    public static void MapCsvExport(this IEndpointRouteBuilder web) =>
        web.MapGet("/reports.csv", (HttpContext http, IDocumentStore db, ReportStore store, TimeProvider time) =>
        {
            var ui = WebUi.For(http);
            var f = ReportFilter.Parse(http.Request.Query);
            if (f.Village is int v && !ui.Viewer!.MaySee(v))
            {
                return WebPages.Denied(ui);
            }

            var reports = store.Find(f.ToReportQuery(ui.Viewer!, ui.Zone)).OrderBy(r => r.CreatedAt).ToList();
            var view = new ReportPresenter(db);
            view.ReadAuthors(reports);
            var bytes = Write(reports, view, ui);
            var name = $"villagebot-reports-{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmm}.csv";
            return Results.File(bytes, "text/csv; charset=utf-8", name);
        });

    public static byte[] Write(IEnumerable<Report> reports, ReportPresenter view, WebUi ui)
    {
        using var buffer = new MemoryStream();
        using (var csv = CsvWriter.Create(buffer, CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true))
        {
            csv.WriteHeader(Columns);
            var inv = CultureInfo.InvariantCulture;
            foreach (var r in reports)
            {
                csv.WriteRecord(
                [
                    ReportPresenter.Reference(r),
                    Iso(r.CreatedAt),
                    Iso(r.UpdatedAt),
                    view.VillageName(r.VillageId),
                    r.Category,
                    ReportPresenter.Category(ui, r.Category),
                    r.Pillar,
                    r.Status,
                    r.Confidence.ToString("0.###", inv),
                    r.NeedsReview ? "yes" : "no",
                    r.Supporters.Count.ToString(inv),
                    r.Latitude?.ToString("0.######", inv) ?? "",
                    r.Longitude?.ToString("0.######", inv) ?? "",
                    r.PhotoFileId is null ? "no" : "yes",
                    view.Author(r) ?? "",
                    r.Text,
                    ReportPresenter.LastNote(r),
                ]);
            }
        }

        return buffer.ToArray();
    }

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
