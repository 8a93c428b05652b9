using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports;

public enum ReportChange
{
    Done,
    NotFound,

    /// <summary>The status cannot move that way (see <see cref="ReportStatus.CanMove"/>), or the category is unknown.</summary>
    NotAllowed,

    /// <summary>Nothing to change: the report already has that category (it is marked reviewed).</summary>
    Unchanged,
}

/// <summary>
/// Status and category changes made outside the chat (the admin web): stored through <see cref="ReportStore"/>
/// and told to the people concerned in their language, as the chat's own buttons do. Callers check who may
/// do it; this checks what may be done.
/// </summary>
public sealed class ReportStatusService(ReportStore store, ReportNotifier notifier, IDocumentStore db, IMessenger messenger, Texts texts, TimeProvider time, IEnumerable<IReportRouting> routing, ILogger<ReportStatusService> log)
{
    public const int MaxNoteLength = 500;

    public static string StatusKey(string status) => "report.status." + status;

    public static string ReferenceOf(Report report) =>
        string.IsNullOrEmpty(report.Reference) ? ReportStore.ReferenceOf(report.Id) : report.Reference;

    public async Task<ReportChange> ChangeStatusAsync(int reportId, string to, string? note, long byUserId, bool notePublic = false, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : MessageLimits.Clip(note.Trim(), MaxNoteLength);
        if (store.Find(reportId) is not { } current)
        {
            return ReportChange.NotFound;
        }

        // The store checks again under its lock that nobody moved the status in between.
        if (store.ChangeStatus(reportId, current.Status, to, note, byUserId, Now, notePublic) is not { } report)
        {
            return ReportChange.NotAllowed;
        }

        await notifier.StatusChangedAsync(report, note);
        return ReportChange.Done;
    }

    /// <summary>Files the report under another category; also marks it reviewed and keeps the label for retraining.</summary>
    public async Task<ReportChange> RelabelAsync(int reportId, string category, long byUserId, CancellationToken ct = default)
    {
        if (!Categories.IsKnown(category))
        {
            return ReportChange.NotAllowed;
        }

        var before = store.Find(reportId)?.Category;
        if (before is null || store.Relabel(reportId, category, Now) is not { } report)
        {
            return ReportChange.NotFound;
        }

        // Reviewed or relabelled: the report now goes to the body responsible for its category (the page shows where).
        foreach (var r in routing)
        {
            r.Settled(report, Languages.Default);
        }

        if (before == category)
        {
            return ReportChange.Unchanged;
        }

        log.LogInformation("Report {ReportId} relabelled to {Category}", reportId, category);
        if (report.ReporterId is long id && db.Residents.FindById(id) is { Active: true } reporter)
        {
            try
            {
                await messenger.SendTextAsync(reporter.ChatId, texts.Get(reporter.Lang, "reportstatus.relabelled", ReferenceOf(report), texts.Get(reporter.Lang, Categories.LabelKey(category))), ct: ct);
            }
            catch (Exception e) when (e is RecipientBlockedException or RateLimitedException or HttpRequestException)
            {
                // The new category is saved; the reporter sees it in /myreports.
                log.LogInformation("Reporter of report {ReportId} could not be told: {Reason}", reportId, e.GetType().Name);
            }
        }

        return ReportChange.Done;
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
