using System.Globalization;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Open311;

/// <summary>Creating a request: a municipality's system files an anonymous report in the village it names or the nearest one.</summary>
public static partial class Open311Api
{
    private static async Task<IResult> CreateAsync(HttpContext http, string format, IDocumentStore db, ReportStore store, ReportNotifier notifier, TimeProvider time, IOptions<Open311Options> options, ILoggerFactory logs)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error("json", StatusCodes.Status404NotFound, "Formats: json, xml.");
        }

        if (KeyInQuery(http, format) is { } inQuery)
        {
            return inQuery;
        }

        var o = options.Value;
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : null;
        string Field(string name) => (form?[name].ToString() is { Length: > 0 } v ? v : http.Request.Query[name].ToString()).Trim();

        if (!KeyMatches(o, Field("api_key") is { Length: > 0 } formKey ? formKey : HeaderKey(http)))
        {
            return Open311Format.Error(format, StatusCodes.Status403Forbidden, o.ApiKeys.Count == 0 ? "Creating requests is not enabled here." : "Invalid api_key.");
        }

        var code = Field("service_code");
        if (!Categories.IsKnown(code))
        {
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, "service_code is required and must be one of the services.");
        }

        var description = Field("description");
        if (description.Length is 0 or > MaxDescription)
        {
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, $"description is required (at most {MaxDescription} characters).");
        }

        double? lat = null, lon = null;
        if (Field("lat").Length > 0 || Field("long").Length > 0)
        {
            if (!double.TryParse(Field("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var la) || la is < -90 or > 90
                || !double.TryParse(Field("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lo) || lo is < -180 or > 180)
            {
                return Open311Format.Error(format, StatusCodes.Status400BadRequest, "lat and long must be given together as WGS84 degrees.");
            }

            (lat, lon) = (la, lo);
        }

        var address = Field("address_string");
        if (lat is null && address.Length == 0)
        {
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, "A location is required: lat and long, or address_string.");
        }

        if (VillageFor(db, o, lat, lon) is not { } village)
        {
            return Open311Format.Error(format, StatusCodes.Status400BadRequest, "No village could be chosen: give lat and long (or configure Open311:DefaultVillage).");
        }

        var now = time.GetUtcNow().UtcDateTime;
        // Names, e-mail and phone of the submitter are not kept: reports from systems are anonymous.
        var report = new Report
        {
            VillageId = village.Id,
            Anonymous = true,
            Text = address.Length > 0 ? description + "\n" + MessageLimits.Clip(address, 200) : description,
            Lang = Languages.IsSupported(Field("lang")) ? Field("lang") : Languages.Default,
            Category = code,
            PredictedCategory = code,
            Confidence = 1,
            Latitude = lat,
            Longitude = lon,
            CreatedAt = now,
            UpdatedAt = now,
            StatusChangedAt = now,
        };
        store.Add(report);
        logs.CreateLogger("Open311").LogInformation("Open311 request created report {ReportId} in village {VillageId}", report.Id, village.Id);
        await notifier.NewReportAsync(report);
        return Open311Format.List(format, "service_requests", "request",
            [new Open311Record().Set("service_request_id", report.Reference).Set("service_notice", "").Set("account_id", null)]);
    }
    private static Village? VillageFor(IDocumentStore db, Open311Options o, double? lat, double? lon)
    {
        if (!string.IsNullOrWhiteSpace(o.DefaultVillage))
        {
            var code = o.DefaultVillage.Trim().ToLowerInvariant();
            return db.Villages.FindOne(v => v.Code == code);
        }

        if (lat is not double la || lon is not double lo)
        {
            return null;
        }

        return db.Villages.FindAll().Where(v => v.Latitude is not null && v.Longitude is not null)
            .MinBy(v => Distance(la, lo, v.Latitude!.Value, v.Longitude!.Value));
    }
    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public static double Distance(double lat1, double lon1, double lat2, double lon2) =>
        GeoPoint.Meters(new GeoPoint(lat1, lon1), new GeoPoint(lat2, lon2)) / 1000;
}
