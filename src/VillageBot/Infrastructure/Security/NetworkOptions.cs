namespace VillageBot.Infrastructure.Security;

/// <summary>
/// Where the web side is reached and whom it trusts. Filled by the host from the settings it comes from
/// (Web:PublicUrl, Web:TrustedProxies, LocalChat:AllowRemote).
/// </summary>
public sealed class NetworkOptions
{
    /// <summary>The address people open the web pages at; its host name is answered.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed.</summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>In local mode: other machines may reach the bot too.</summary>
    public bool AllowRemote { get; set; }
}
