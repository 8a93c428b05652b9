using System.Globalization;
using System.Text;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Reports;

/// <summary>
/// How a report reads in the chat, in any person's language. The card coordinators and admins see names the
/// author only of a report that is not anonymous; an anonymous one says so and carries no name or id.
/// </summary>
public sealed class ReportView(Texts texts, IDocumentStore db, TimeZoneInfo zone)
{
    private Dictionary<string, string>? _filterWords;

    public string Category(string lang, string category) =>
        Categories.IsKnown(category) ? texts.Get(lang, Categories.LabelKey(category)) : category;

    public string Status(string lang, string status) => texts.Get(lang, "report.status." + status);

    /// <summary>The reporter's answer to "Is it fixed?" as coordinators read it.</summary>
    public string FollowUp(string lang, string answer) => texts.Get(lang, "report.followup." + answer);

    public string Date(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), zone).ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    public static string Snippet(string text, int max = 160) => MessageLimits.Clip(text.ReplaceLineEndings(" "), max);

    public string VillageName(int villageId) => db.Villages.FindById(villageId)?.Name ?? "—";

    /// <summary>The village with this code ("village=kalsnava" in /reports), or null.</summary>
    public int? VillageId(string code) => db.Villages.FindOne(v => v.Code == code)?.Id;

    /// <summary>The card of a report for a coordinator or an admin.</summary>
    public string ManagerCard(string lang, Report r)
    {
        var village = VillageName(r.VillageId);
        var card = new StringBuilder()
            .Append(texts.Get(lang, "reports.card_title", r.Reference, Category(lang, r.Category), Status(lang, r.Status))).Append('\n')
            .Append(texts.Get(lang, "reports.card_meta", village, Date(r.CreatedAt), r.Supporters.Count)).Append('\n')
            .Append('«').Append(Snippet(r.Text, 600)).Append('»');
        if (r.PhotoFileId is not null)
        {
            card.Append('\n').Append(texts.Get(lang, "reports.card_photo"));
        }

        if (r.Latitude is double lat && r.Longitude is double lon)
        {
            card.Append('\n').Append(texts.Get(lang, "reports.card_location", MapLink(lat, lon)));
        }

        if (r.Public)
        {
            card.Append('\n').Append(texts.Get(lang, "reports.card_public"));
        }

        card.Append('\n').Append(Author(lang, r));
        if (r.History.LastOrDefault() is { Note: { Length: > 0 } note })
        {
            card.Append('\n').Append(texts.Get(lang, "reports.card_last_note", note));
        }

        if (r.FollowUpAnswer is { } answer && r.FollowUpAnsweredAt is { } answeredAt && FollowUpAnswers.All.Contains(answer))
        {
            card.Append('\n').Append(texts.Get(lang, "reports.card_followup", FollowUp(lang, answer), Date(answeredAt)));
        }

        return card.ToString();
    }

    /// <summary>One button per status the report may move to next, one to see its photo, and one to make its text public or private.</summary>
    public Keyboard? ManagerButtons(string lang, Report r)
    {
        var keyboard = new Keyboard();
        var next = ReportStatus.All.Where(s => ReportStatus.CanMove(r.Status, s))
            .Select(s => new Button(texts.Get(lang, "reports.move_to." + s), CallbackData.Build(StatusCallback.Prefix, r.Id, s)));
        foreach (var pair in next.Chunk(2))
        {
            keyboard.Row(pair);
        }

        if (r.PhotoFileId is not null)
        {
            keyboard.Row(new Button(texts.Get(lang, "reports.btn_photo"), CallbackData.Build(ReportPhotoCallback.Prefix, r.Id)));
        }

        // Only while the village's public page is on, and never for a report whose reporter is unknown or used /forget.
        if (r.ReporterId is not null && db.Villages.FindById(r.VillageId) is { PublicPage: true })
        {
            keyboard.Row(r.Public
                ? new Button(texts.Get(lang, "reports.btn_make_private"), CallbackData.Build(PublicTextCallback.Prefix, r.Id, "off"))
                : new Button(texts.Get(lang, "reports.btn_make_public"), CallbackData.Build(PublicTextCallback.Prefix, r.Id, "on")));
        }

        return keyboard.Rows.Count == 0 ? null : keyboard;
    }

    /// <summary>The coordinators of a village who should hear about its reports.</summary>
    public IReadOnlyList<Resident> Coordinators(int villageId) =>
        [.. db.CoordinatorsOf(villageId).Where(c => c.Active)];

    /// <summary>
    /// The status or category id a typed word names in any language, folded: one-word status labels ("jauns",
    /// "решено", "resolved") and the first word of category labels ("vide", "дороги", "safety").
    /// </summary>
    public string? FilterWord(string word)
    {
        _filterWords ??= BuildFilterWords();
        return _filterWords.GetValueOrDefault(Folding.Fold(word));
    }

    private Dictionary<string, string> BuildFilterWords()
    {
        var named = new List<(string Word, string Id)>();
        foreach (var lang in Languages.All)
        {
            named.AddRange(ReportStatus.All.Select(s => (Status(lang, s), s)).Where(x => !x.Item1.Contains(' ', StringComparison.Ordinal)));
            named.AddRange(Categories.All.Select(c => (Category(lang, c).Split(' ', ',', '(')[0], c)));
        }

        // A word that could mean two things means neither.
        return named.Select(x => (Word: Folding.Fold(x.Word), x.Id)).Distinct().GroupBy(x => x.Word)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Id, StringComparer.Ordinal);
    }

    public static string MapLink(double lat, double lon) => string.Create(CultureInfo.InvariantCulture, $"https://www.openstreetmap.org/?mlat={lat:0.#####}&mlon={lon:0.#####}#map=17/{lat:0.#####}/{lon:0.#####}");

    private string Author(string lang, Report r)
    {
        if (r.Anonymous)
        {
            return texts.Get(lang, "reports.author_anonymous");
        }

        if (r.ReporterId is long id && db.Residents.FindById(id) is { } person)
        {
            var name = person.FirstName ?? "—";
            return texts.Get(lang, "reports.author", person.Username is { Length: > 0 } u ? $"{name} (@{u})" : name);
        }

        return texts.Get(lang, "reports.author_erased");
    }
}
