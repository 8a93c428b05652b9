using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Open311;

public sealed partial class Open311Options : IValidatableObject
{
    /// <summary>Shorter keys could be guessed.</summary>
    public const int MinKeyLength = 16;

    public const string Section = "Open311";

    /// <summary>
    /// Keys a municipality's system sends to create requests (the api_key form field or the X-Api-Key header) and,
    /// when reading is not public, to read them (the header). Never in a query string: URLs end up in logs.
    /// None configured: creating is refused.
    /// </summary>
    public List<string> ApiKeys { get; set; } = [];

    /// <summary>Village code for created requests; empty means the village nearest to the given lat/long.</summary>
    public string? DefaultVillage { get; set; }

    /// <summary>
    /// When true, anyone may read requests (the standard's default); off by default, so reading needs a key in the
    /// X-Api-Key header. What is published either way: see <see cref="Open311Api.ToRequest"/>, and residents are told
    /// in the privacy notice when this is on.
    /// </summary>
    public bool PublicRead { get; set; }

    /// <summary>When true, media_url links to the report's photo; off by default because photos may show people.</summary>
    public bool PublishPhotos { get; set; }

    /// <summary>Shown in discovery: who to ask about this endpoint.</summary>
    public string Contact { get; set; } = "";

    /// <summary>Shown in discovery: where a system can ask for an api_key.</summary>
    public string KeyService { get; set; } = "";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        for (var i = 0; i < ApiKeys.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(ApiKeys[i]) || ApiKeys[i].Trim().Length < MinKeyLength)
            {
                yield return new ValidationResult($"Open311:ApiKeys:{i} must be at least {MinKeyLength} characters; a short key could be guessed.", [nameof(ApiKeys)]);
            }
        }

        if (!string.IsNullOrWhiteSpace(DefaultVillage) && !VillageCode().IsMatch(DefaultVillage.Trim()))
        {
            yield return new ValidationResult($"Open311:DefaultVillage '{DefaultVillage}' is not a village code (letters, digits, '-' and '_').", [nameof(DefaultVillage)]);
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z0-9_-]+$")]
    private static partial System.Text.RegularExpressions.Regex VillageCode();
}
