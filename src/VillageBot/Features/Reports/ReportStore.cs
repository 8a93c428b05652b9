using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports;

/// <summary>
/// The "reports" collection. Changes that read and write one report (support, status, relabel) run under one
/// lock, so two coordinators or two "+1" taps at the same moment never overwrite each other.
/// </summary>
public sealed partial class ReportStore
{
    public const string CollectionName = "reports";

    private readonly object _gate = new();
    private readonly IDocumentStore _db;
    private int? _lastId;

    /// <summary>
    /// The store is built at start-up (PrepareAtStart), and building it makes the collection and its indexes: reading
    /// and refusing touch nothing in storage, and no background reader (the nudge scan) meets the collection while
    /// LiteDB is still creating it, which LiteDB 5.0.21 does not survive ("page type must be collection page").
    /// </summary>
    public ReportStore(IDocumentStore db)
    {
        _db = db;
        _ = Reports;
    }

    public IDocumentCollection<Report> Reports => _db.Collection<Report>(CollectionName, i => i
        .On(r => r.VillageId)
        .On(r => r.Status)
        .On(r => r.Category)
        .On(r => r.ReporterId)
        .On(r => r.Reference, unique: true));

    public Report? Find(int id) => Reports.FindById(id);

    /// <summary>A report by the reference people see in the chat ("R-1001", any case) or by its number ("1").</summary>
    public Report? Find(string key)
    {
        key = key.Trim();
        if (int.TryParse(key, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return Find(id);
        }

        return key.Length is > 2 and <= 20 ? Reports.FindOne(r => r.Reference == key.ToUpperInvariant()) : null;
    }

    /// <summary>Saves a new report with the next free id and its reference ("R-1001", "R-1002", …).</summary>
    public Report Add(Report report)
    {
        report.Text = XmlSafeText.Clean(report.Text);
        lock (_gate)
        {
            for (var attempt = 1; ; attempt++)
            {
                _lastId ??= Reports.Max(r => r.Id, 0);
                report.Id = _lastId.Value + 1;
                report.Reference = ReferenceOf(report.Id);
                if (attempt == 3)
                {
                    Reports.Insert(report);
                    _lastId = report.Id;
                    return report;
                }

                if (Reports.TryInsert(report))
                {
                    _lastId = report.Id;
                    return report;
                }

                // Something else added a report (the admin web, an import): read the last id again.
                _lastId = null;
            }
        }
    }

    public static string ReferenceOf(int id) => "R-" + (1000 + id).ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Adds a "+1" once per person; false if the report is gone, closed, or theirs.</summary>
    public bool Support(int id, long userId, DateTime now, out Report? report)
    {
        lock (_gate)
        {
            report = Find(id);
            if (report is null || !report.IsOpen || report.ReporterId == userId)
            {
                return false;
            }

            if (!report.Supporters.Contains(userId))
            {
                report.Supporters.Add(userId);
                report.UpdatedAt = now;
                Reports.Update(report);
            }

            return true;
        }
    }

    /// <summary>Moves the status if it is still <paramref name="from"/> and the move is allowed; null otherwise.</summary>
    public Report? ChangeStatus(int id, string from, string to, string? note, long byId, DateTime now, bool notePublic = false)
    {
        note = XmlSafeText.CleanOrNull(note);
        lock (_gate)
        {
            var report = Find(id);
            if (report is null || report.Status != from || !ReportStatus.CanMove(from, to))
            {
                return null;
            }

            report.History.Add(new StatusChange { From = from, To = to, Note = note, NotePublic = notePublic && note is not null, ById = byId, At = now });
            report.Status = to;
            report.StatusChangedAt = now;
            report.UpdatedAt = now;
            Reports.Update(report);
            return report;
        }
    }

    /// <summary>The reporter's answer to "Is it fixed?"; null if the report is gone, closed or not theirs.</summary>
    public Report? RecordFollowUp(int id, long reporterId, string answer, DateTime now)
    {
        lock (_gate)
        {
            var report = Find(id);
            if (report is null || !report.IsOpen || report.ReporterId != reporterId || !FollowUpAnswers.All.Contains(answer))
            {
                return null;
            }

            report.FollowUpAnswer = answer;
            report.FollowUpAnsweredAt = now;
            report.UpdatedAt = now;
            Reports.Update(report);
            return report;
        }
    }

    /// <summary>An admin's label: it becomes the category and the training label, and the report leaves the review queue.</summary>
    public Report? Relabel(int id, string category, DateTime now)
    {
        lock (_gate)
        {
            var report = Find(id);
            if (report is null || !Categories.IsKnown(category))
            {
                return null;
            }

            report.RelabeledCategory = category;
            report.Category = category;
            report.NeedsReview = false;
            report.UpdatedAt = now;
            Reports.Update(report);
            return report;
        }
    }

    /// <summary>A coordinator marks the text fit for the public page, or makes it private again; null if the report is gone.</summary>
    public Report? MarkPublic(int id, bool isPublic, DateTime now)
    {
        lock (_gate)
        {
            var report = Find(id);
            if (report is null)
            {
                return null;
            }

            // The text of a forgotten reporter stays private: /forget cleared the mark and it cannot come back.
            report.Public = isPublic && report.ReporterId is not null;
            report.UpdatedAt = now;
            Reports.Update(report);
            return report;
        }
    }

    public IReadOnlyList<Report> ByReporter(long userId) =>
        [.. Reports.Find(r => r.ReporterId == userId).OrderByDescending(r => r.CreatedAt)];

    public IReadOnlyList<Report> SupportedBy(long userId) =>
        [.. Reports.Find(r => r.Supporters.Contains(userId)).OrderByDescending(r => r.CreatedAt)];

    /// <summary>Reports of the given villages (all villages when null) in the given statuses, optionally of one category.</summary>
    public IReadOnlyList<Report> List(IReadOnlyCollection<int>? villageIds, IReadOnlyCollection<string> statuses, string? category)
    {
        var found = category is null
            ? statuses.SelectMany(s => Reports.Find(r => r.Status == s))
            : Reports.Find(r => r.Category == category).Where(r => statuses.Contains(r.Status));
        return [.. found.Where(r => villageIds is null || villageIds.Contains(r.VillageId))];
    }

    /// <summary>Open reports of one village, in every category: the candidates for "same problem".</summary>
    public IReadOnlyList<Report> OpenInVillage(int villageId) =>
        [.. Reports.Find(r => r.VillageId == villageId).Where(r => r.IsOpen)];

    /// <summary>The review queue: lowest confidence first.</summary>
    public IReadOnlyList<Report> NeedingReview() =>
        [.. Reports.Find(r => r.NeedsReview == true).OrderBy(r => r.Confidence).ThenBy(r => r.CreatedAt)];

    /// <summary>Applies a change to every report matched, under the same lock as the other changes.</summary>
    public int UpdateWhere(Func<Report, bool> match, Func<Report, bool> change)
    {
        lock (_gate)
        {
            var changed = 0;
            foreach (var report in Reports.FindAll().Where(match).ToList())
            {
                if (change(report))
                {
                    Reports.Update(report);
                    changed++;
                }
            }

            return changed;
        }
    }
}
