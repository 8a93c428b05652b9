using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Responsibilities;

/// <summary>What a body is told about a report, in the body's language; the reporter's name only when they did not report anonymously.</summary>
public sealed record ReportMessage(string Subject, string Text, string? ReporterName, byte[]? Photo);

public sealed class ReportMessageBuilder(IDocumentStore db, Texts texts, TopicCatalog topics, ReportView view, Infrastructure.Messaging.IChatFiles files, TimeZoneInfo zone)
{
    public async Task<ReportMessage> BuildAsync(Report report, ResponsibleBody body, CancellationToken ct)
    {
        var lang = Languages.IsSupported(body.Lang) ? body.Lang : Languages.Default;
        var village = db.Villages.FindById(report.VillageId);
        var villageName = village is null ? "—" : village.Municipality is { Length: > 0 } m ? $"{village.Name} ({m})" : village.Name;
        var category = view.Category(lang, report.Category);
        if (topics.TopicOf(report.Text, report.Category) is { } topic)
        {
            category += " · " + topics.Label(topic, lang);
        }

        var location = report.Latitude is double lat && report.Longitude is double lon ? ReportView.MapLink(lat, lon) : texts.Get(lang, "resp.mail.no_location");
        var name = Reporter(report);
        var at = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(report.CreatedAt, DateTimeKind.Utc), zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var text = texts.Get(lang, "resp.mail.body",
            report.Reference, category, villageName, at, location, report.Supporters.Count,
            name ?? texts.Get(lang, "resp.mail.anonymous"), report.Text, body.Name);
        var photo = report.PhotoFileId is { } fileId ? await files.DownloadAsync(fileId, ct) : null;
        return new ReportMessage(texts.Get(lang, "resp.mail.subject", report.Reference, category, village?.Name ?? "—"), text, name, photo);
    }

    /// <summary>The reporter's first name as they gave it to Telegram, or null: anonymous reports and erased people name nobody.</summary>
    private string? Reporter(Report report) =>
        report.Anonymous || report.ReporterId is not long id || db.Residents.FindById(id) is not { FirstName: { Length: > 0 } first } ? null : first;
}
