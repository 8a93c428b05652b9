using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>How a report is described on pages and in exports: labels, author, location link.</summary>
public sealed class ReportPresenter(IDocumentStore db)
{
    private readonly Dictionary<int, Village> _villages = db.Villages.FindAll().ToDictionary(v => v.Id);

    public IReadOnlyDictionary<int, Village> Villages => _villages;

    public string VillageName(int id) => _villages.TryGetValue(id, out var v) ? v.Name : "#" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The villages this viewer may choose in filters, by name.</summary>
    public IReadOnlyList<Village> VisibleTo(WebViewer viewer) => [.. _villages.Values.Where(v => viewer.MaySee(v.Id)).OrderBy(v => v.Name, StringComparer.Create(CultureInfo.GetCultureInfo("lv-LV"), false))];

    /// <summary>Reporters read so far (null: erased); an export reads them all at once, not one query per report.</summary>
    private readonly Dictionary<long, Resident?> _people = [];

    /// <summary>Reads the reporters of these reports in a few queries, for <see cref="Author"/>.</summary>
    public void ReadAuthors(IEnumerable<Report> reports)
    {
        var wanted = reports.Where(r => !r.Anonymous && r.ReporterId is not null).Select(r => r.ReporterId!.Value).Distinct().Where(id => !_people.ContainsKey(id)).ToList();
        foreach (var chunk in wanted.Chunk(1000))
        {
            var found = db.Residents.FindByIds([.. chunk.Cast<object>()]).ToDictionary(r => r.Id);
            foreach (var id in chunk)
            {
                _people[id] = found.GetValueOrDefault(id);
            }
        }
    }

    /// <summary>Who reported it, or null: anonymous reports never name their author, and erased people are gone.</summary>
    public string? Author(Report report)
    {
        if (report.Anonymous || report.ReporterId is not long id)
        {
            return null;
        }

        if (!_people.TryGetValue(id, out var person))
        {
            person = _people[id] = db.Residents.FindById(id);
        }

        if (person is null)
        {
            return null;
        }

        var name = person.FirstName ?? "";
        return person.Username is { Length: > 0 } u ? $"{name} (@{u})".Trim() : name;
    }

    public static string Reference(Report r) => ReportStatusService.ReferenceOf(r);

    public static string Category(WebUi ui, string id) => Categories.IsKnown(id) ? ui.T(Categories.LabelKey(id)) : id;

    public static IEnumerable<(string, string)> CategoryOptions(WebUi ui) => Categories.All.Select(c => (c, Category(ui, c)));

    public static string Pillar(WebUi ui, string pillar) => Categories.Pillars.Contains(pillar) ? ui.T(Categories.PillarKey(pillar)) : pillar;

    public static string Status(WebUi ui, string status) => ReportStatus.All.Contains(status) ? ui.T(ReportStatusService.StatusKey(status)) : status;

    public static string Percent(double confidence) => Math.Round(confidence * 100).ToString(CultureInfo.InvariantCulture) + " %";

    public static string Coordinates(double lat, double lon) => lat.ToString("0.00000", CultureInfo.InvariantCulture) + ", " + lon.ToString("0.00000", CultureInfo.InvariantCulture);

    public static string MapLink(double lat, double lon) => ReportView.MapLink(lat, lon);

    public static string LastNote(Report r) => r.History.LastOrDefault(h => !string.IsNullOrEmpty(h.Note))?.Note ?? "";

    public static string Snippet(string text, int max = 140)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length <= max ? flat : string.Concat(flat.AsSpan(0, max - 1), "…");
    }
}
