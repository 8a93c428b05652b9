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

    /// <summary>How many reports are read, looked up and written at a time.</summary>
    internal const int Batch = 500;

    public static void MapCsvExport(this IEndpointRouteBuilder web) =>
        web.MapGet("/reports.csv", (HttpContext http, IDocumentStore db, ReportStore store, TimeProvider time) =>
        {
            var ui = WebUi.For(http);
            var f = ReportFilter.Parse(http.Request.Query);
            if (f.Village is int v && !ui.Viewer!.MaySee(v))
            {
                return WebPages.Denied(ui);
            }

            var query = f.ToReportQuery(ui.Viewer!, ui.Zone);
            var name = $"villagebot-reports-{time.GetUtcNow().UtcDateTime:yyyyMMdd-HHmm}.csv";
            var trim = http.RequestServices.GetService<CacheTrim>();
            return Results.Stream(
                async body =>
                {
                    await WriteAsync(body, store.InBatches(query, Batch), db, ui, http.RequestAborted);

                    // Every report's pages went through the database's cache for this one reader (a filter is applied
                    // to what was read): let them go now rather than at the next periodic trim.
                    trim?.AfterBulkRead();
                },
                "text/csv; charset=utf-8",
                name);
        });

    /// <summary>
    /// The rows, in the order of the reports' references, written to <paramref name="destination"/> batch by batch as
    /// they are read: an export of tens of thousands of reports holds one batch and its authors, never the whole file.
    /// </summary>
    public static async Task WriteAsync(Stream destination, IEnumerable<IReadOnlyList<Report>> batches, IDocumentStore db, WebUi ui, CancellationToken ct)
    {
        await using var csv = CsvWriter.Create(destination, CsvWriterOptions.Default with { Injection = CsvInjection.Escape, WriteByteOrderMark = true }, leaveOpen: true);
        csv.WriteHeader(Columns);
        var inv = CultureInfo.InvariantCulture;
        foreach (var reports in batches)
        {
            var view = new ReportPresenter(db);
            view.ReadAuthors(reports);
            foreach (var r in reports)
            {
                await csv.WriteRecordAsync(
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
                ], ct);
            }

            await csv.FlushAsync(ct);
        }
    }

    private static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
}
