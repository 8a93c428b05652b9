using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Reports;

/// <summary>
/// /mydata shows the person's reports and the ones they supported; /forget keeps the reports (the village still
/// needs them) but removes the person from them: reporter, "+1" and the status changes they made; a report's text
/// marked public is no longer shown on the village's public page.
/// </summary>
public sealed class ReportPersonalData(ReportStore store) : IPersonalData
{
    public string Section => "reports";

    public IReadOnlyList<string> Collections => ["reports"];

    public object? Export(long userId) => new
    {
        Reported = store.ByReporter(userId).Select(r => new
        {
            r.Reference,
            r.Text,
            r.Category,
            r.Status,
            r.Anonymous,
            r.Public,
            r.CreatedAt,
            HasPhoto = r.PhotoFileId is not null,
            r.Latitude,
            r.Longitude,
            Supporters = r.Supporters.Count,
            History = r.History.Select(h => new { h.From, h.To, h.Note, h.At }),
        }).ToList(),
        Supported = store.SupportedBy(userId).Select(r => r.Reference).ToList(),
    };

    public void Erase(long userId) => store.UpdateWhere(
        r => r.ReporterId == userId || r.Supporters.Contains(userId) || r.History.Any(h => h.ById == userId),
        r =>
        {
            if (r.ReporterId == userId)
            {
                r.ReporterId = null;

                // The text stays for the village's coordinators, but no longer on the public page.
                r.Public = false;
            }

            r.Supporters.Remove(userId);
            foreach (var change in r.History.Where(h => h.ById == userId))
            {
                change.ById = 0;
            }

            return true;
        });
}
