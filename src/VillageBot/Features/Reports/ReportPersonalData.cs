using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports;

/// <summary>
/// Reports a person made or supported. Erasing keeps the reports (they are the village's evidence) but
/// removes the person from them: no reporter, not among the supporters, not named in the status history.
/// </summary>
public sealed class ReportPersonalData(Db db) : IPersonalData
{
    public string Section => "reports";

    public object? Export(long userId)
    {
        var reports = Reports.Find(r => r.ReporterId == userId).OrderBy(r => r.CreatedAt).Select(r => new
        {
            reference = ReportStatusService.ReferenceOf(r),
            r.Text,
            r.Category,
            r.Status,
            r.Anonymous,
            r.CreatedAt,
            r.UpdatedAt,
            hasPhoto = r.PhotoFileId is not null,
            r.Latitude,
            r.Longitude,
            supporters = r.Supporters.Count,
            history = r.History.Select(h => new { h.From, h.To, h.Note, h.At }),
            r.FollowUpAnswer,
        }).ToList();

        // Supporting ("+1") is the person's own act; the other supporters and the reporter are not theirs to see.
        var supported = Reports.Find(r => r.Supporters.Contains(userId)).Select(r => ReportStatusService.ReferenceOf(r)).ToList();
        var handled = Reports.Find(r => r.History.Select(h => h.ById).Contains(userId)).Select(r => ReportStatusService.ReferenceOf(r)).ToList();
        return new { reported = reports, supported, statusChangesMadeOn = handled };
    }

    public void Erase(long userId)
    {
        foreach (var report in Reports.Find(r => r.ReporterId == userId || r.Supporters.Contains(userId) || r.History.Select(h => h.ById).Contains(userId)).ToList())
        {
            if (report.ReporterId == userId)
            {
                report.ReporterId = null;
            }

            report.Supporters.RemoveAll(id => id == userId);
            foreach (var change in report.History.Where(h => h.ById == userId))
            {
                change.ById = 0;
            }

            Reports.Update(report);
        }
    }

    private LiteDB.ILiteCollection<Report> Reports => db.Collection<Report>("reports");
}
