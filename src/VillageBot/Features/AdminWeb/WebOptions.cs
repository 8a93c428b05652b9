using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.AdminWeb;

public sealed class WebOptions : IValidatableObject
{
    public const string Section = "Web";

    /// <summary>Address people open the admin web at; sign-in links start with it. https makes the session cookie Secure.</summary>
    public string PublicUrl { get; set; } = "http://localhost:5000";

    /// <summary>How long a sign-in link from /web stays valid.</summary>
    [Range(1, 60)]
    public int LinkMinutes { get; set; } = 10;

    /// <summary>How long a web session lasts after signing in.</summary>
    [Range(1, 168)]
    public int SessionHours { get; set; } = 8;

    /// <summary>
    /// Reverse proxies (addresses or networks such as 10.0.0.0/8) whose X-Forwarded-For and X-Forwarded-Proto are
    /// believed: the client's address and https then come from them. Empty: no forwarded header is believed.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>The map's tile server, as Leaflet takes it ({z}/{x}/{y}); OpenStreetMap's by default. Its origin is allowed in the pages' CSP.</summary>
    public string MapTiles { get; set; } = "https://tile.openstreetmap.org/{z}/{x}/{y}.png";

    /// <summary>The attribution the tile server asks for, shown on the map (markup as Leaflet shows it).</summary>
    public string MapAttribution { get; set; } = "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors";

    /// <summary>The tile server's scheme, host and port, for the CSP's img-src.</summary>
    public string MapTilesOrigin => Uri.TryCreate(MapTiles.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var u) ? u.GetLeftPart(UriPartial.Authority) : "";

    public bool IsHttps => PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public string Url(string path) => PublicUrl.TrimEnd('/') + path;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Web:PublicUrl must be an absolute http(s) URL.", [nameof(PublicUrl)]);
        }

        if (!Uri.TryCreate(MapTiles.Replace("{s}", "a", StringComparison.Ordinal), UriKind.Absolute, out var tiles) || tiles.Scheme is not ("http" or "https")
            || !MapTiles.Contains("{z}", StringComparison.Ordinal) || !MapTiles.Contains("{x}", StringComparison.Ordinal) || !MapTiles.Contains("{y}", StringComparison.Ordinal))
        {
            yield return new ValidationResult("Web:MapTiles must be an absolute http(s) URL with {z}, {x} and {y}.", [nameof(MapTiles)]);
        }

        foreach (var proxy in TrustedProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _) && !System.Net.IPNetwork.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Web:TrustedProxies: {proxy} is neither an IP address nor a network (10.0.0.0/8).", [nameof(TrustedProxies)]);
        }
    }
}
