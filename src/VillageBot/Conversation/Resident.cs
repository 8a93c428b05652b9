using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>A person who talks to the bot in a private chat; the id is their Telegram user id.</summary>
[StoredIn("residents")]
public sealed class Resident
{
    [DocumentId(autoId: false)]
    public long Id { get; set; }

    public long ChatId { get; set; }

    public string? FirstName { get; set; }

    public string? Username { get; set; }

    public string Lang { get; set; } = Languages.Default;

    public bool LangChosen { get; set; }

    public int? VillageId { get; set; }

    public DateTime? PrivacyAcceptedAt { get; set; }

    /// <summary>False once the person has blocked the bot; broadcasts and nudges skip them.</summary>
    public bool Active { get; set; } = true;

    public DateTime JoinedAt { get; set; }

    public DateTime LastSeenAt { get; set; }

    public List<int> CoordinatorOf { get; set; } = [];

    /// <summary>
    /// Whether the person coordinates any village: stored beside <see cref="CoordinatorOf"/> and indexed, so a village's
    /// coordinators are found among the few who coordinate (LiteDB indexes no list's items; without it each saved report
    /// read every resident). Computed, so it never disagrees with the list.
    /// </summary>
    public bool Coordinating => CoordinatorOf.Count > 0;

    public bool NudgesEnabled { get; set; } = true;

    /// <summary>Gets the monthly digest even in a month they did not report, support or vote (/settings).</summary>
    public bool DigestAlways { get; set; }

    public DialogState? Dialog { get; set; }

    [NotStored]
    public bool IsMember => VillageId is not null && PrivacyAcceptedAt is not null;

    public bool Coordinates(int villageId) => CoordinatorOf.Contains(villageId);
}

/// <summary>Where a person is in a multi-step dialog; kept in storage so a restart continues it.</summary>
public sealed class DialogState
{
    public string Name { get; set; } = "";

    public string Step { get; set; } = "";

    public Dictionary<string, string> Data { get; set; } = [];

    public DateTime UpdatedAt { get; set; }

    /// <summary>An offer rather than a task (a button that may still be tapped): any command ends it, and /cancel has nothing to cancel.</summary>
    public bool Lapses { get; set; }

    public string? Get(string key) => Data.TryGetValue(key, out var v) ? v : null;
}

[StoredIn("villages")]
public sealed class Village
{
    public int Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Municipality { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>An admin turned on the village's public page (/v/{code}); off for every village until then.</summary>
    public bool PublicPage { get; set; }
}
