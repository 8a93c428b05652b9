using System.Globalization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using MimeKit;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Responsibilities;

/// <summary>
/// /web/responsibilities: who fixes what, per municipality or village, and whether e-mail delivery is on. Admins
/// see and edit every entry; coordinators see what applies to their villages and edit their villages' own entries.
/// </summary>
public static class ResponsibilityPage
{
    public const string Path = "/web/responsibilities";
    public const int MaxText = 200;

    public static readonly IReadOnlySet<string> Notices = new HashSet<string> { "saved", "deleted" };
    public static readonly IReadOnlySet<string> Errors = new HashSet<string> { "scope", "category", "topic", "name", "channel", "email", "endpoint", "web", "source", "phone", "lang" };

    public static void MapResponsibilityPage(this IEndpointRouteBuilder app)
    {
        var web = app.MapGroup(Path).RequireAuthorization(AdminWebFeature.StaffPolicy);
        web.MapGet("/", List);
        web.MapGet("/{id:int}", Edit);
        web.MapGet("/new", (HttpContext http, ResponsibilityStore store, TopicCatalog topics, IDocumentStore db) => Form(http, new Responsibility { Body = new ResponsibleBody() }, store, topics, db));
        web.MapPost("/save", SaveAsync);
        web.MapPost("/{id:int}/delete", DeleteAsync);
    }

    private static IResult List(HttpContext http, ResponsibilityStore store, TopicCatalog topics, IDocumentStore db, IOptions<MailOptions> mail)
    {
        var ui = WebUi.For(http);
        var access = Access.Of(ui.Viewer!, db);
        var o = mail.Value;
        var rows = store.All().Where(access.MaySee)
            .OrderBy(e => e.Specificity).ThenBy(e => e.Municipality ?? e.Village).ThenBy(e => Categories.All.ToList().IndexOf(e.Category)).ThenBy(e => e.Topic)
            .Select(e => new ResponsibilityListPage.Row(
                Scope(ui, e, db),
                access.MayEdit(e) ? $"{Path}/{e.Id}" : null,
                CategoryLabel(ui, topics, e),
                e.Body.Name,
                ui.T("resp.channel." + e.Body.Channel),
                string.Join(" · ", new[] { e.Body.Email, e.Body.Phone, e.Body.Web, e.Body.Open311Endpoint }.Where(s => !string.IsNullOrWhiteSpace(s))),
                ui.T(e.Checked ? "resp.web.yes" : "resp.web.no"),
                IsWebAddress(e.Source) ? e.Source : null))
            .ToList();
        return ui.Render<ResponsibilityListPage>(new Dictionary<string, object?>
        {
            ["Rows"] = rows,
            ["MailServer"] = o.IsConfigured ? (o.Host, o.Port) : null,
        });
    }

    private static IResult Edit(HttpContext http, int id, ResponsibilityStore store, TopicCatalog topics, IDocumentStore db)
    {
        var ui = WebUi.For(http);
        if (store.Find(id) is not { } entry)
        {
            return WebPages.NotFound(ui);
        }

        return Access.Of(ui.Viewer!, db).MayEdit(entry) ? Form(http, entry, store, topics, db) : WebPages.Denied(ui);
    }

    private static IResult Form(HttpContext http, Responsibility e, ResponsibilityStore store, TopicCatalog topics, IDocumentStore db)
    {
        var ui = WebUi.For(http);
        return ui.Render<ResponsibilityFormPage>(new Dictionary<string, object?>
        {
            ["Entry"] = e,
            ["ScopeValue"] = ScopeValue(e),
            ["Scopes"] = Access.Of(ui.Viewer!, db).Scopes(ui).ToList(),
            ["Topics"] = topics.Topics.Select(t => (t.Id, topics.Label(t, ui.Lang))).ToList(),
        });
    }

    private static IResult SaveAsync(HttpContext http, [FromForm] ResponsibilityForm form, ResponsibilityStore store, TopicCatalog topics, IDocumentStore db)
    {
        var ui = WebUi.For(http);
        var access = Access.Of(ui.Viewer!, db);
        var entry = form.Id > 0 ? store.Find(form.Id) : new Responsibility();
        if (entry is null)
        {
            return WebPages.NotFound(ui);
        }

        if (form.Id > 0 && !access.MayEdit(entry))
        {
            return WebPages.Denied(ui);
        }

        var back = form.Id > 0 ? $"{Path}/{form.Id}" : $"{Path}/new";
        if (Validate(form, topics, access, out var scope) is { } error)
        {
            return Results.Redirect(back + "?error=" + error);
        }

        (entry.Village, entry.Municipality) = scope;
        if (!access.MayEdit(entry))
        {
            return WebPages.Denied(ui);
        }

        entry.Category = form.Category!;
        entry.Topic = string.IsNullOrEmpty(form.Topic) ? null : form.Topic;
        entry.Body = new ResponsibleBody
        {
            Name = form.Name!.Trim(),
            Email = Clean(form.Email),
            Phone = Clean(form.Phone),
            Web = Clean(form.Web),
            Channel = form.Channel!,
            Lang = form.Lang!,
            Open311Endpoint = Clean(form.Open311Endpoint),
            Open311ServiceCode = Clean(form.Open311Service),
            Open311ApiKeyVariable = Clean(form.Open311KeyVariable),
        };
        entry.Source = form.Source!.Trim();
        entry.Checked = form.Checked == "on";
        entry.UpdatedBy = ui.Viewer!.UserId;
        store.Save(entry);
        return Results.Redirect(Path + "?done=saved");
    }

    private static async Task<IResult> DeleteAsync(HttpContext http, int id, ResponsibilityStore store, IDocumentStore db, IAntiforgery antiforgery)
    {
        // Nothing is bound from the form here, so the token is checked by hand, as for signing out.
        if (!await antiforgery.IsRequestValidAsync(http))
        {
            return Results.BadRequest();
        }

        var ui = WebUi.For(http);
        if (store.Find(id) is not { } entry)
        {
            return WebPages.NotFound(ui);
        }

        if (!Access.Of(ui.Viewer!, db).MayEdit(entry))
        {
            return WebPages.Denied(ui);
        }

        store.Delete(id);
        return Results.Redirect(Path + "?done=deleted");
    }

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

    private static string ScopeValue(Responsibility e) => e.Village is { } v ? "village:" + v : e.Municipality is { } m ? "municipality:" + m : "country";

    private static string Scope(WebUi ui, Responsibility e, IDocumentStore db) =>
        e.Village is { } code ? db.Villages.FindOne(v => v.Code == code)?.Name ?? code
        : e.Municipality ?? ui.T("resp.web.country");

    private static string CategoryLabel(WebUi ui, TopicCatalog topics, Responsibility e) =>
        ReportPresenter.Category(ui, e.Category) + (topics.Find(e.Topic) is { } t ? " · " + topics.Label(t, ui.Lang) : "");

    /// <summary>What one viewer may see and change: admins everything, coordinators what concerns their villages.</summary>
    private sealed record Access(WebViewer Viewer, IReadOnlyList<Village> Villages, IReadOnlyList<Village> Own)
    {
        public static Access Of(WebViewer viewer, IDocumentStore db)
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

/// <summary>The fields of the edit form.</summary>
public sealed class ResponsibilityForm
{
    public int Id { get; set; }

    public string? Scope { get; set; }

    public string? Category { get; set; }

    public string? Topic { get; set; }

    public string? Name { get; set; }

    public string? Channel { get; set; }

    public string? Lang { get; set; }

    public string? Email { get; set; }

    public string? Phone { get; set; }

    public string? Web { get; set; }

    public string? Open311Endpoint { get; set; }

    public string? Open311Service { get; set; }

    public string? Open311KeyVariable { get; set; }

    public string? Source { get; set; }

    public string? Checked { get; set; }
}
