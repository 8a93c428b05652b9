using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Responsibilities;

/// <summary>How reports reach a responsible body.</summary>
public static class Channels
{
    /// <summary>Each confirmed report is e-mailed to the body (needs Mail:Host and Mail:From).</summary>
    public const string Email = "email";

    /// <summary>Each confirmed report is posted to the body's own GeoReport v2 endpoint.</summary>
    public const string Open311 = "open311";

    /// <summary>Nothing is sent: the resident is told whom to call, and the village keeps the report for its records.</summary>
    public const string Redirect = "redirect";

    public static readonly IReadOnlyList<string> All = [Email, Open311, Redirect];
}

/// <summary>Who can fix something: a council, a parish office, the grid operator, the state road agency.</summary>
public sealed class ResponsibleBody
{
    public string Name { get; set; } = "";

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Web { get; set; }

    public string Channel { get; set; } = Channels.Email;

    /// <summary>The language the body reads (lv, en, ru); its e-mails are written in it.</summary>
    public string Lang { get; set; } = "lv";

    /// <summary>For <see cref="Channels.Open311"/>: the endpoint's base address (…/open311/v2), its service code for the category.</summary>
    public string? Open311Endpoint { get; set; }

    public string? Open311ServiceCode { get; set; }

    /// <summary>Name of the environment variable holding the endpoint's api_key; the key itself is never stored.</summary>
    public string? Open311ApiKeyVariable { get; set; }

    /// <summary>Where deliveries to this body are counted once: a report reaches one address only once, whichever entry led there.</summary>
    public string Key => Channel + ":" + (Channel == Channels.Open311 ? Open311Endpoint : Email ?? Name)?.Trim().ToLowerInvariant();
}

/// <summary>
/// One line of the responsibilities: for a village, a municipality, or the whole country (neither given), per
/// category and optional topic, the body that fixes it. Entries send nothing until someone checked them.
/// </summary>
[StoredIn(ResponsibilityStore.CollectionName)]
public sealed class Responsibility
{
    public int Id { get; set; }

    /// <summary>The municipality's name as the villages carry it ("Madonas novads"); null with a village or for the whole country.</summary>
    public string? Municipality { get; set; }

    /// <summary>A village code ("kalsnava"): overrides the municipality's entry for that village.</summary>
    public string? Village { get; set; }

    public string Category { get; set; } = "";

    /// <summary>A topic of the category ("power_cut"), or null for the whole category.</summary>
    public string? Topic { get; set; }

    public ResponsibleBody Body { get; set; } = new();

    /// <summary>The public page the contact details were taken from.</summary>
    public string Source { get; set; } = "";

    /// <summary>An admin or coordinator confirmed the details; only then are reports sent to the body.</summary>
    public bool Checked { get; set; }

    /// <summary>Telegram id of who last changed it on the admin web (erased by /forget).</summary>
    public long? UpdatedBy { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>0 for the whole country, 1 for a municipality, 2 for a village: the more specific entry wins.</summary>
    public int Specificity => Village is not null ? 2 : Municipality is not null ? 1 : 0;
}
