namespace VillageBot.Features.AdminWeb.Open311;

public sealed class Open311Options
{
    public const string Section = "Open311";

    /// <summary>Keys a municipality's system sends as api_key to create requests. None configured: creating is refused.</summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Village code for created requests; empty means the village nearest to the given lat/long.</summary>
    public string? DefaultVillage { get; set; }

    /// <summary>When false, reading requests also needs an api_key (the standard lets anyone read).</summary>
    public bool PublicRead { get; set; } = true;

    /// <summary>When true, media_url links to the report's photo; off by default because photos may show people.</summary>
    public bool PublishPhotos { get; set; }

    /// <summary>Shown in discovery: who to ask about this endpoint.</summary>
    public string Contact { get; set; } = "";

    /// <summary>Shown in discovery: where a system can ask for an api_key.</summary>
    public string KeyService { get; set; } = "";
}
