using System.Globalization;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Open311;

/// <summary>
/// Open311 GeoReport v2 under /open311/v2: discovery, the nine categories as services, reading requests
/// and creating one with an api_key. Reports map to requests; anonymous or not, no author is ever given, and
/// what residents wrote is published only as far as the privacy notice says (see <see cref="ToRequest"/>).
/// </summary>
public static partial class Open311Api
{
    public const string Specification = "http://wiki.open311.org/GeoReport_v2";
    public const string Changeset = "2025-01-01T00:00:00Z";
    public const int MaxResults = 1000;
    public const int DefaultDays = 90;
    public const int MaxDescription = 4000;

    /// <summary>The header that carries a key; a key in the query string is refused, since URLs are logged by proxies and servers.</summary>
    public const string KeyHeader = "X-Api-Key";

    /// <summary>Three decimals of a degree: about 110 m north–south, 65 m east–west in Latvia — a street, not a house.</summary>
    public const int LocationDecimals = PublicLocation.Decimals;

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
    private static string W3c(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    private static string Lang(HttpContext http) => Languages.OfRequest(http.Request);
    private static string Clip(string s) => MessageLimits.Clip(s, 40);
}
