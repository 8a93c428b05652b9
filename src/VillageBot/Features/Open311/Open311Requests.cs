using System.Globalization;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Open311;

/// <summary>Reading requests: a list by service, status and dates, one by its id, and a report's photo.</summary>
public static partial class Open311Api
{
    private static IResult ListRequests(HttpContext http, string format, IDocumentStore db, ReportStore store, Texts texts, TimeProvider time, IOptions<WebOptions> web, IOptions<Open311Options> options)
    {
        if (Refuse(http, format, options.Value) is { } refused)
        {
            return refused;
        }

        var q = http.Request.Query;
        IEnumerable<Report> found;
        if (q["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            // The standard: with service_request_id given, the other parameters are ignored.
            found = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxResults).Select(store.FindByReference).OfType<Report>().DistinctBy(r => r.Id);
        }
        else
        {
            var codes = List(q["service_code"]);
            if (codes.FirstOrDefault(c => !Categories.IsKnown(c)) is { } unknown)
            {
                return Open311Format.Error(format, StatusCodes.Status400BadRequest, $"Unknown service_code '{Clip(unknown)}'.");
            }

            var statuses = List(q["status"]);
            if (statuses.FirstOrDefault(s => s is not ("open" or "closed")) is { } badStatus)
            {
                return Open311Format.Error(format, StatusCodes.Status400BadRequest, $"Unknown status '{Clip(badStatus)}': use open or closed.");
            }

            if (!TryDate(q["start_date"], out var start) || !TryDate(q["end_date"], out var end))
            {
                return Open311Format.Error(format, StatusCodes.Status400BadRequest, "start_date and end_date must be W3C (ISO 8601) date-times, e.g. 2025-03-01T00:00:00Z.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            if (start is null && end is null)
            {
                start = now.AddDays(-DefaultDays);
            }

            found = store.Find(new ReportQuery
            {
                Categories = codes,
                Open = statuses.Count == 1 ? statuses[0] == "open" : null,
                CreatedFrom = start,
                CreatedUntil = end,
            });
        }

        var lang = Lang(http);
        var villages = db.Villages.FindAll().ToDictionary(v => v.Id);
        var records = found.OrderByDescending(r => r.CreatedAt).Take(MaxResults).Select(r => ToRequest(r, villages, texts, lang, web.Value, options.Value)).ToList();
        return Open311Format.List(format, "service_requests", "request", records);
    }
    private static IResult OneRequest(HttpContext http, string id, string format, IDocumentStore db, ReportStore store, Texts texts, IOptions<WebOptions> web, IOptions<Open311Options> options)
    {
        if (Refuse(http, format, options.Value) is { } refused)
        {
            return refused;
        }

        if (store.FindByReference(id) is not { } report)
        {
            return Open311Format.Error(format, StatusCodes.Status404NotFound, $"No service request '{Clip(id)}'.");
        }

        var villages = db.Villages.FindAll().ToDictionary(v => v.Id);
        return Open311Format.List(format, "service_requests", "request", [ToRequest(report, villages, texts, Lang(http), web.Value, options.Value)]);
    }
    private static async Task<IResult> MediaAsync(HttpContext http, int id, ReportStore store, IChatFiles files, IOptions<Open311Options> options, CancellationToken ct)
    {
        if (Refuse(http, "json", options.Value) is { } refused)
        {
            return refused;
        }

        // Anonymous reports publish no text, so their photo (often of someone's yard) is not published either.
        if (!options.Value.PublishPhotos || store.Find(id) is not { PhotoFileId: { } fileId, Anonymous: false }
            || await files.DownloadAsync(fileId, ct) is not { } bytes)
        {
            return Results.NotFound();
        }

        return Results.File(bytes, "image/jpeg");
    }
    /// <summary>
    /// One report as a request, for anyone who may read (with or without a key): the text only of reports that were
    /// not anonymous, the location rounded to about 100 m (or the village centre), and only the notes a coordinator
    /// marked public. The privacy notice tells residents exactly this when reading is public.
    /// </summary>
    public static Open311Record ToRequest(Report r, IReadOnlyDictionary<int, Village> villages, Texts texts, string lang, WebOptions web, Open311Options o)
    {
        var village = villages.GetValueOrDefault(r.VillageId);
        return new Open311Record()
            .Set("service_request_id", ReportStatusService.ReferenceOf(r))
            .Set("status", r.IsOpen ? "open" : "closed")
            .Set("status_notes", r.History.LastOrDefault(h => h.NotePublic && !string.IsNullOrEmpty(h.Note))?.Note ?? "")
            .Set("service_name", Categories.IsKnown(r.Category) ? texts.Get(lang, Categories.LabelKey(r.Category)) : r.Category)
            .Set("service_code", r.Category)
            .Set("description", r.Anonymous ? "" : r.Text)
            .Set("agency_responsible", village?.Municipality ?? "")
            .Set("service_notice", "")
            .Set("requested_datetime", W3c(r.CreatedAt))
            .Set("updated_datetime", W3c(r.UpdatedAt))
            .Set("expected_datetime", null)
            .Set("address", village is null ? "" : string.Join(", ", new[] { village.Name, village.Municipality }.Where(s => !string.IsNullOrEmpty(s))))
            .Set("address_id", "")
            .Set("zipcode", "")
            .Set("lat", Round(r.Latitude ?? village?.Latitude))
            .Set("long", Round(r.Longitude ?? village?.Longitude))
            .Set("media_url", o.PublishPhotos && r.PhotoFileId is not null && !r.Anonymous ? web.Url("/open311/v2/media/" + r.Id.ToString(CultureInfo.InvariantCulture)) : "");
    }
    private static double? Round(double? degrees) => degrees is double d ? PublicLocation.Round(d) : null;
    private static List<string> List(Microsoft.Extensions.Primitives.StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct()];
    private static bool TryDate(Microsoft.Extensions.Primitives.StringValues raw, out DateTime? value)
    {
        value = null;
        var s = raw.ToString().Trim();
        if (s.Length == 0)
        {
            return true;
        }

        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
        {
            value = d.UtcDateTime;
            return true;
        }

        return false;
    }
}
