using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports;

/// <summary>A problem a resident reported in their village.</summary>
[StoredIn(ReportStore.CollectionName)]
public sealed class Report
{
    public int Id { get; set; }

    /// <summary>Short reference the reporter sees and can quote, e.g. "R-1042".</summary>
    public string Reference { get; set; } = "";

    public int VillageId { get; set; }

    /// <summary>Telegram user id of the reporter; null once they used /forget.</summary>
    public long? ReporterId { get; set; }

    /// <summary>Anonymous reports never show their author to coordinators, on the web or in exports.</summary>
    public bool Anonymous { get; set; }

    public string Text { get; set; } = "";

    /// <summary>
    /// A coordinator marked the text fit for the village's public page (/v/{code}); never public otherwise. /forget of
    /// the reporter clears it.
    /// </summary>
    public bool Public { get; set; }

    public string Lang { get; set; } = "lv";

    /// <summary>Confirmed category id (see <see cref="Categories"/>).</summary>
    public string Category { get; set; } = "";

    /// <summary>What the classifier proposed and how sure it was.</summary>
    public string PredictedCategory { get; set; } = "";

    public double Confidence { get; set; }

    public Dictionary<string, double> Scores { get; set; } = [];

    /// <summary>Low confidence or changed by the reporter: an admin should look at it.</summary>
    public bool NeedsReview { get; set; }

    /// <summary>Set when an admin relabels; used by the next training.</summary>
    public string? RelabeledCategory { get; set; }

    public string Status { get; set; } = ReportStatus.New;

    public List<StatusChange> History { get; set; } = [];

    /// <summary>Residents who said "same problem (+1)".</summary>
    public List<long> Supporters { get; set; } = [];

    public string? PhotoFileId { get; set; }

    /// <summary>The voice message the description was heard from (a Telegram file id), when it was spoken.</summary>
    public string? VoiceFileId { get; set; }

    public double? Latitude { get; set; }

    public double? Longitude { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Last time the status changed (creation counts); drives the "is it fixed?" follow-up.</summary>
    public DateTime StatusChangedAt { get; set; }

    /// <summary>The reporter's answer to the follow-up question: yes | partly | no | unknown.</summary>
    public string? FollowUpAnswer { get; set; }

    public DateTime? FollowUpAnsweredAt { get; set; }

    [NotStored]
    public string Pillar => Categories.Pillar.GetValueOrDefault(Category, "");

    [NotStored]
    public bool IsOpen => Status is not (ReportStatus.Resolved or ReportStatus.Rejected);
}

public sealed class StatusChange
{
    public string From { get; set; } = "";

    public string To { get; set; } = "";

    public string? Note { get; set; }

    /// <summary>The coordinator marked the note as fit for publishing (Open311 status_notes); notes are private otherwise.</summary>
    public bool NotePublic { get; set; }

    /// <summary>Who changed it (Telegram id of a coordinator or admin).</summary>
    public long ById { get; set; }

    public DateTime At { get; set; }
}

/// <summary>What a reporter can answer to "Is it fixed?".</summary>
public static class FollowUpAnswers
{
    public const string Yes = "yes";
    public const string Partly = "partly";
    public const string No = "no";
    public const string Unknown = "unknown";

    public static readonly IReadOnlyList<string> All = [Yes, Partly, No, Unknown];
}

public static class ReportStatus
{
    public const string New = "new";
    public const string Acknowledged = "acknowledged";
    public const string InProgress = "in_progress";
    public const string Resolved = "resolved";
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [New, Acknowledged, InProgress, Resolved, Rejected];

    /// <summary>new → acknowledged → in progress → resolved | rejected; rejecting is possible from any open state.</summary>
    public static bool CanMove(string from, string to) => (from, to) switch
    {
        (New, Acknowledged) or (New, InProgress) or (Acknowledged, InProgress) => true,
        (New or Acknowledged or InProgress, Resolved or Rejected) => true,
        _ => false,
    };
}
