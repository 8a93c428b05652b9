using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2: discovery, the nine categories as services, reading requests
/// and creating one with an api_key. Reports map to requests; anonymous or not, no author is ever given, and
/// what residents wrote is published only as far as the privacy notice says (see <see cref="ToRequest"/>).
/// </summary>
public static class Open311Api
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string Changeset = "2025-01-01T00:00:00Z";
    public const int MaxResults = 1000;
    public const int DefaultDays = 90;
    public const int MaxDescription = 4000;

    /// <summary>The header that carries a key; a key in the query string is refused, since URLs are logged by proxies and servers.</summary>
    public const string KeyHeader = "X-Api-Key";

    /// <summary>Three decimals of a degree: about 110 m north–south, 65 m east–west in Latvia — a street, not a house.</summary>
    public const int LocationDecimals = 3;

    public static readonly string[] RequestFields =
    [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description", "agency_responsible",
        "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address", "address_id", "zipcode",
        "lat", "long", "media_url",
    ];

    public static readonly string[] ServiceFields = ["service_code", "service_name", "description", "metadata", "type", "keywords", "group"];

    public static void MapOpen311(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/open311/v2");
        api.MapGet("/discovery.{format}", Discovery);
        api.MapGet("/services.{format}", Services);
        api.MapGet("/services/{code}.{format}", (string code, string format) =>
            Open311Format.Error(format, StatusCodes.Status404NotFound, "This service has no extra attributes (metadata is false)."));
        api.MapGet("/requests.{format}", ListRequests);
        api.MapGet("/requests/{id}.{format}", OneRequest);
        api.MapPost("/requests.{format}", CreateAsync).DisableAntiforgery();
        api.MapGet("/media/{id:int}", MediaAsync);
    }

    private static IResult Discovery(string format, IOptions<WebOptions> web, IOptions<Open311Options> options)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error("json", StatusCodes.Status404NotFound, "Formats: json, xml.");
        }

        var o = options.Value;
        var endpoint = new Open311Record()
            .Set("specification", Specification)
            .Set("url", web.Value.Url("/open311/v2"))
            .Set("changeset", Changeset)
            .Set("type", "production")
            .Set("formats", new[] { "text/xml", "application/json" });
        var discovery = new Open311Record()
            .Set("changeset", Changeset)
            .Set("contact", o.Contact)
            .Set("key_service", o.KeyService)
            .Set("endpoints", new[] { endpoint });
        return Open311Format.Single(format, "discovery", discovery);
    }

    private static IResult Services(HttpContext http, string format, Texts texts)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error("json", StatusCodes.Status404NotFound, "Formats: json, xml.");
        }

        var lang = Lang(http);
        return Open311Format.List(format, "services", "service", Categories.All.Select(c => new Open311Record()
            .Set("service_code", c)
            .Set("service_name", texts.Get(lang, Categories.LabelKey(c)))
            .Set("description", texts.Get(lang, "open311.covers." + c))
            .Set("metadata", false)
            .Set("type", "realtime")
            .Set("keywords", texts.Get(lang, "open311.covers." + c))
            .Set("group", Categories.Pillar[c])));
    }

    private static IResult ListRequests(HttpContext http, string format, Db db, Texts texts, TimeProvider time, IOptions<WebOptions> web, IOptions<Open311Options> options)
    {
        if (Refuse(http, format, options.Value) is { } refused)
        {
            return refused;
        }

        var q = http.Request.Query;
        var reports = db.Collection<Report>("reports");
        IEnumerable<Report> found;
        if (q["service_request_id"].ToString() is { Length: > 0 } ids)
        {
            // The standard: with service_request_id given, the other parameters are ignored.
            found = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Take(MaxResults).Select(id => Find(db, id)).OfType<Report>().DistinctBy(r => r.Id);
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

            found = reports.FindAll().Where(r =>
                (codes.Count == 0 || codes.Contains(r.Category))
                && (statuses.Count == 0 || statuses.Contains(r.IsOpen ? "open" : "closed"))
                && (start is null || r.CreatedAt >= start)
                && (end is null || r.CreatedAt <= end));
        }

        var lang = Lang(http);
        var villages = db.Villages.FindAll().ToDictionary(v => v.Id);
        var records = found.OrderByDescending(r => r.CreatedAt).Take(MaxResults).Select(r => ToRequest(r, villages, texts, lang, web.Value, options.Value)).ToList();
        return Open311Format.List(format, "service_requests", "request", records);
    }

    private static IResult OneRequest(HttpContext http, string id, string format, Db db, Texts texts, IOptions<WebOptions> web, IOptions<Open311Options> options)
    {
        if (Refuse(http, format, options.Value) is { } refused)
        {
            return refused;
        }

        if (Find(db, id) is not { } report)
        {
            return Open311Format.Error(format, StatusCodes.Status404NotFound, $"No service request '{Clip(id)}'.");
        }

        var villages = db.Villages.FindAll().ToDictionary(v => v.Id);
        return Open311Format.List(format, "service_requests", "request", [ToRequest(report, villages, texts, Lang(http), web.Value, options.Value)]);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, string format, Db db, ReportStore store, ReportNotifier notifier, TimeProvider time, IOptions<Open311Options> options, ILoggerFactory logs)
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

    private static async Task<IResult> MediaAsync(HttpContext http, int id, Db db, IChatFiles files, IOptions<Open311Options> options, CancellationToken ct)
    {
        if (Refuse(http, "json", options.Value) is { } refused)
        {
            return refused;
        }

        // Anonymous reports publish no text, so their photo (often of someone's yard) is not published either.
        if (!options.Value.PublishPhotos || db.Collection<Report>("reports").FindById(id) is not { PhotoFileId: { } fileId, Anonymous: false }
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

    private static double? Round(double? degrees) => degrees is double d ? Math.Round(d, LocationDecimals, MidpointRounding.AwayFromZero) : null;

    private static IResult? Refuse(HttpContext http, string format, Open311Options o)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error("json", StatusCodes.Status404NotFound, "Formats: json, xml.");
        }

        if (KeyInQuery(http, format) is { } inQuery)
        {
            return inQuery;
        }

        return o.PublicRead || KeyMatches(o, HeaderKey(http))
            ? null
            : Open311Format.Error(format, StatusCodes.Status403Forbidden, $"A key is required to read requests here: send it in the {KeyHeader} header.");
    }

    /// <summary>A key in the URL would be written to access logs on the way; it is refused even when it is valid.</summary>
    private static IResult? KeyInQuery(HttpContext http, string format) =>
        http.Request.Query.ContainsKey("api_key")
            ? Open311Format.Error(format, StatusCodes.Status400BadRequest, $"api_key is not accepted in the query string: send it in the {KeyHeader} header (or, when creating a request, as the api_key form field).")
            : null;

    private static string HeaderKey(HttpContext http) => http.Request.Headers[KeyHeader].ToString().Trim();

    private static Report? Find(Db db, string id)
    {
        var reports = db.Collection<Report>("reports");
        var byReference = reports.FindOne(r => r.Reference == id);
        if (byReference is not null)
        {
            return byReference;
        }

        var digits = id.StartsWith("R-", StringComparison.OrdinalIgnoreCase) ? id[2..] : id;
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && reports.FindById(n) is { } r && string.IsNullOrEmpty(r.Reference) ? r : null;
    }

    private static Village? VillageFor(Db db, Open311Options o, double? lat, double? lon)
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
    public static double Distance(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 6371 * 2 * Math.Atan2(Math.Sqrt(a), Math.Sqrt(1 - a));
    }

    private static bool KeyMatches(Open311Options o, string given)
    {
        if (given.Length == 0)
        {
            return false;
        }

        var g = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        return o.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Any(k => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(k)), g));
    }

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

    private static string W3c(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    private static string Lang(HttpContext http)
    {
        var asked = http.Request.Query["lang"].ToString();
        if (Languages.IsSupported(asked))
        {
            return asked;
        }

        var header = http.Request.Headers.AcceptLanguage.ToString();
        return header.Length >= 2 ? Languages.FromTelegram(header[..2]) : Languages.Default;
    }

    private static string Clip(string s) => MessageLimits.Clip(s, 40);
}
