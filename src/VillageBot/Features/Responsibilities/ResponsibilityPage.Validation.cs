using MimeKit;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Responsibilities;

/// <summary>What the edit form may hold, and what each viewer may see and change.</summary>
public static partial class ResponsibilityPage
{
    /// <summary>The first thing wrong with the form (a key of <see cref="Errors"/>), or null with the scope it names.</summary>
    private static string? Validate(ResponsibilityForm f, TopicCatalog topics, Access access, out (string? Village, string? Municipality) scope)
    {
        scope = default;
        if (access.ParseScope(f.Scope) is not { } parsed)
        {
            return "scope";
        }

        scope = parsed;
        if (!Categories.IsKnown(f.Category))
        {
            return "category";
        }

        if (!string.IsNullOrEmpty(f.Topic) && topics.Find(f.Topic)?.Category != f.Category)
        {
            return "topic";
        }

        if (string.IsNullOrWhiteSpace(f.Name) || f.Name.Length > MaxText)
        {
            return "name";
        }

        if (f.Channel is null || !Channels.All.Contains(f.Channel))
        {
            return "channel";
        }

        if (!Languages.IsSupported(f.Lang))
        {
            return "lang";
        }

        if (Clean(f.Email) is { } email ? email.Length > MaxText || !MailboxAddress.TryParse(email, out var box) || !box.Address.Contains('@', StringComparison.Ordinal) : f.Channel == Channels.Email)
        {
            return "email";
        }

        if (Clean(f.Open311Endpoint) is { } endpoint ? !IsWebAddress(endpoint) : f.Channel == Channels.Open311)
        {
            return "endpoint";
        }

        if (Clean(f.Web) is { } w && !IsWebAddress(w))
        {
            return "web";
        }

        if (Clean(f.Phone) is { } phone && (phone.Length > 30 || phone.Any(c => !char.IsDigit(c) && c is not ('+' or ' ' or '-' or '(' or ')'))))
        {
            return "phone";
        }

        return IsWebAddress(f.Source?.Trim()) ? null : "source";
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static bool IsWebAddress(string? value) =>
        value is { Length: <= MaxText } && Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http";

    /// <summary>What one viewer may see and change: admins everything, coordinators what concerns their villages.</summary>
    private sealed record Access(WebViewer Viewer, IReadOnlyList<Village> Villages, IReadOnlyList<Village> Own)
    {
        public static Access Of(WebViewer viewer, Db db)
        {
            var all = db.Villages.FindAll().OrderBy(v => v.Name, StringComparer.Ordinal).ToList();
            return new Access(viewer, all, [.. all.Where(v => viewer.MaySee(v.Id))]);
        }

        public bool MaySee(Responsibility e) => Viewer.IsAdmin || Own.Any(v => ResponsibilityStore.Covers(e, v));

        public bool MayEdit(Responsibility e) => Viewer.IsAdmin || e.Village is { } code && Own.Any(v => v.Code == code);

        public IEnumerable<(string, string)> Scopes(WebUi ui)
        {
            if (Viewer.IsAdmin)
            {
                yield return ("country", ui.T("resp.web.country"));
                foreach (var m in Villages.Select(v => v.Municipality).OfType<string>().Distinct().Order(StringComparer.Ordinal))
                {
                    yield return ("municipality:" + m, m);
                }
            }

            foreach (var v in Viewer.IsAdmin ? Villages : Own)
            {
                yield return ("village:" + v.Code, v.Name);
            }
        }

        public (string? Village, string? Municipality)? ParseScope(string? value)
        {
            const string municipality = "municipality:", village = "village:";
            if (value == "country" && Viewer.IsAdmin)
            {
                return (null, null);
            }

            if (value?.StartsWith(municipality, StringComparison.Ordinal) == true && Viewer.IsAdmin && Villages.Any(v => v.Municipality == value[municipality.Length..]))
            {
                return (null, value[municipality.Length..]);
            }

            if (value?.StartsWith(village, StringComparison.Ordinal) == true && (Viewer.IsAdmin ? Villages : Own).Any(v => v.Code == value[village.Length..]))
            {
                return (value[village.Length..], null);
            }

            return null;
        }
    }
}
