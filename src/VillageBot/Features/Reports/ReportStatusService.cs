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

    /// <summary>Nothing to change: the report already has that category.</summary>
    Unchanged,
}

/// <summary>
/// Changes a report's status or category on behalf of a coordinator or admin (from the chat or the web) and
/// tells the reporter in their language. Callers check who may do it; this checks what may be done.
/// </summary>
public sealed class ReportStatusService(Db db, IMessenger messenger, Texts texts, TimeProvider time, ILogger<ReportStatusService> log)
{
    public const int MaxNoteLength = 500;

    private static readonly Lock Gate = new();

    public static string StatusKey(string status) => "reportstatus.status." + status;

    public static string ReferenceOf(Report report) => string.IsNullOrEmpty(report.Reference) ? "R-" + report.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) : report.Reference;

    public async Task<ReportChange> ChangeStatusAsync(int reportId, string to, string? note, long byUserId, CancellationToken ct = default)
    {
        note = string.IsNullOrWhiteSpace(note) ? null : MessageLimits.Clip(note.Trim(), MaxNoteLength);
        Report? report;
        lock (Gate)
        {
            report = Reports.FindById(reportId);
            if (report is null)
            {
                return ReportChange.NotFound;
            }

            if (!ReportStatus.CanMove(report.Status, to))
            {
                return ReportChange.NotAllowed;
            }

            var now = time.GetUtcNow().UtcDateTime;
            report.History.Add(new StatusChange { From = report.Status, To = to, Note = note, ById = byUserId, At = now });
            report.Status = to;
            report.StatusChangedAt = now;
            report.UpdatedAt = now;
            Reports.Update(report);
        }

        await TellReporterAsync(report, lang =>
        {
            var text = texts.Get(lang, "reportstatus.changed", ReferenceOf(report), texts.Get(lang, StatusKey(to)));
            return note is null ? text : text + "\n" + texts.Get(lang, "reportstatus.note", note);
        }, ct);
        return ReportChange.Done;
    }

    /// <summary>Files the report under another category; also marks it reviewed and keeps the label for retraining.</summary>
    public async Task<ReportChange> RelabelAsync(int reportId, string category, long byUserId, CancellationToken ct = default)
    {
        if (!Categories.IsKnown(category))
        {
            return ReportChange.NotAllowed;
        }

        Report? report;
        lock (Gate)
        {
            report = Reports.FindById(reportId);
            if (report is null)
            {
                return ReportChange.NotFound;
            }

            var changed = report.Category != category;
            report.RelabeledCategory = category;
            report.NeedsReview = false;
            report.Category = category;
            report.UpdatedAt = time.GetUtcNow().UtcDateTime;
            Reports.Update(report);
            if (!changed)
            {
                return ReportChange.Unchanged;
            }
        }

        log.LogInformation("Report {ReportId} relabelled to {Category}", reportId, category);
        await TellReporterAsync(report, lang => texts.Get(lang, "reportstatus.relabelled", ReferenceOf(report), texts.Get(lang, Categories.LabelKey(category))), ct);
        return ReportChange.Done;
    }

    private LiteDB.ILiteCollection<Report> Reports => db.Collection<Report>("reports");

    private async Task TellReporterAsync(Report report, Func<string, string> message, CancellationToken ct)
    {
        if (report.ReporterId is not long reporterId || db.Residents.FindById(reporterId) is not { Active: true } reporter)
        {
            return;
        }

        try
        {
            await messenger.SendTextAsync(reporter.ChatId, message(reporter.Lang), ct: ct);
        }
        catch (Exception e) when (e is RecipientBlockedException or RateLimitedException or HttpRequestException)
        {
            // The change itself is saved; a reporter who cannot be reached now sees it when they next look at the report.
            log.LogInformation("Reporter of report {ReportId} could not be told: {Reason}", report.Id, e.GetType().Name);
        }
    }
}
