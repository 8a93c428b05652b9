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

    public bool IsHttps => PublicUrl.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    public string Url(string path) => PublicUrl.TrimEnd('/') + path;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            yield return new ValidationResult("Web:PublicUrl must be an absolute http(s) URL.", [nameof(PublicUrl)]);
        }

        foreach (var proxy in TrustedProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _) && !System.Net.IPNetwork.TryParse(p, out _)))
        {
            yield return new ValidationResult($"Web:TrustedProxies: {proxy} is neither an IP address nor a network (10.0.0.0/8).", [nameof(TrustedProxies)]);
        }
    }
}
