using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Responsibilities;

/// <summary>
/// /web/responsibilities: who fixes what, per municipality or village, and whether e-mail delivery is on. Admins
/// see and edit every entry; coordinators see what applies to their villages and edit their villages' own entries.
/// </summary>
public static partial class ResponsibilityPage
{
    public const string Path = "/web/responsibilities";
    public const int MaxText = 200;

    private static readonly IReadOnlySet<string> Notices = new HashSet<string> { "saved", "deleted" };
    private static readonly IReadOnlySet<string> Errors = new HashSet<string> { "scope", "category", "topic", "name", "channel", "email", "endpoint", "web", "source", "phone", "lang" };

    public static void MapResponsibilityPage(this IEndpointRouteBuilder app)
    {
        var web = app.MapGroup(Path).RequireAuthorization(AdminWebFeature.StaffPolicy);
        web.MapGet("/", List);
        web.MapGet("/{id:int}", Edit);
        web.MapGet("/new", (HttpContext http, ResponsibilityStore store, TopicCatalog topics, Db db) => Form(http, new Responsibility { Body = new ResponsibleBody() }, store, topics, db));
        web.MapPost("/save", SaveAsync);
        web.MapPost("/{id:int}/delete", DeleteAsync);
    }

    private static IResult List(HttpContext http, ResponsibilityStore store, TopicCatalog topics, Db db, IOptions<MailOptions> mail)
    {
        var ui = WebUi.For(http);
        var access = Access.Of(ui.Viewer!, db);
        var html = new StringBuilder(Notice(http, ui));
        var o = mail.Value;
        html.Append(o.IsConfigured
            ? $"<p class=\"notice ok\" role=\"status\">{ui.TE("resp.web.mail_on", o.Host, o.Port)}</p>"
            : $"<p class=\"notice error\" role=\"status\">{ui.TE("resp.web.mail_off")}</p>");
        html.Append("<p>").Append(ui.TE("resp.web.intro")).Append("</p><p><a href=\"").Append(Path).Append("/new\">").Append(ui.TE("resp.web.add")).Append("</a></p>");
        var entries = store.All().Where(access.MaySee)
            .OrderBy(e => e.Specificity).ThenBy(e => e.Municipality ?? e.Village).ThenBy(e => Categories.All.ToList().IndexOf(e.Category)).ThenBy(e => e.Topic)
            .ToList();
        if (entries.Count == 0)
        {
            return ui.Page(ui.T("resp.web.title"), html.Append("<p>").Append(ui.TE("resp.web.none")).Append("</p>").ToString());
        }

        html.Append("<div class=\"table-wrap\"><table><thead><tr>");
        foreach (var h in new[] { "resp.web.col.scope", "web.field.category", "resp.web.col.body", "resp.web.col.channel", "resp.web.col.contact", "resp.web.col.checked", "resp.web.col.source" })
        {
            html.Append("<th scope=\"col\">").Append(ui.TE(h)).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var e in entries)
        {
            html.Append("<tr><th scope=\"row\">");
            if (access.MayEdit(e))
            {
                html.Append("<a href=\"").Append(Path).Append('/').Append(e.Id).Append("\">").Append(WebUi.E(Scope(ui, e, db))).Append("</a>");
            }
            else
            {
                html.Append(WebUi.E(Scope(ui, e, db)));
            }

            html.Append("</th><td>").Append(WebUi.E(CategoryLabel(ui, topics, e))).Append("</td>")
                .Append("<td>").Append(WebUi.E(e.Body.Name)).Append("</td>")
                .Append("<td>").Append(ui.TE("resp.channel." + e.Body.Channel)).Append("</td>")
                .Append("<td>").Append(WebUi.E(string.Join(" · ", new[] { e.Body.Email, e.Body.Phone, e.Body.Web, e.Body.Open311Endpoint }.Where(s => !string.IsNullOrWhiteSpace(s))))).Append("</td>")
                .Append("<td>").Append(ui.TE(e.Checked ? "resp.web.yes" : "resp.web.no")).Append("</td>")
                .Append("<td>");
            if (IsWebAddress(e.Source))
            {
                html.Append("<a href=\"").Append(WebUi.Attr(e.Source)).Append("\" rel=\"noopener noreferrer\" target=\"_blank\">").Append(ui.TE("resp.web.source")).Append("</a>");
            }

            html.Append("</td></tr>");
        }

        return ui.Page(ui.T("resp.web.title"), html.Append("</tbody></table></div>").ToString());
    }

    private static IResult Edit(HttpContext http, int id, ResponsibilityStore store, TopicCatalog topics, Db db)
    {
        var ui = WebUi.For(http);
        if (store.Find(id) is not { } entry)
        {
            return WebPages.NotFound(ui);
        }

        return Access.Of(ui.Viewer!, db).MayEdit(entry) ? Form(http, entry, store, topics, db) : WebPages.Denied(ui);
    }

    private static IResult Form(HttpContext http, Responsibility e, ResponsibilityStore store, TopicCatalog topics, Db db)
    {
        var ui = WebUi.For(http);
        var access = Access.Of(ui.Viewer!, db);
        var inv = CultureInfo.InvariantCulture;
        var b = e.Body;
        var html = new StringBuilder(Notice(http, ui));
        html.Append("<form method=\"post\" action=\"").Append(Path).Append("/save\">").Append(ui.Antiforgery())
            .Append("<input type=\"hidden\" name=\"id\" value=\"").Append(e.Id.ToString(inv)).Append("\"><div class=\"grid\"><div>")
            .Append(WebForms.Select("scope", ui.T("resp.web.col.scope"), ScopeValue(e), access.Scopes(ui)))
            .Append("</div><div>").Append(WebForms.Select("category", ui.T("web.field.category"), e.Category, WebForms.CategoryOptions(ui)))
            .Append("</div><div>").Append(WebForms.Select("topic", ui.T("resp.web.topic"), e.Topic, topics.Topics.Select(t => (t.Id, topics.Label(t, ui.Lang))), ui.T("resp.web.whole_category")))
            .Append("</div><div>").Append(WebForms.Select("channel", ui.T("resp.web.col.channel"), b.Channel, Channels.All.Select(c => (c, ui.T("resp.channel." + c)))))
            .Append("</div><div>").Append(WebForms.Select("lang", ui.T("resp.web.lang"), b.Lang, Languages.All.Select(l => (l, l.ToUpperInvariant()))))
            .Append("</div></div><div class=\"grid\">");
        Input(html, ui, "name", "resp.web.col.body", b.Name, "text");
        Input(html, ui, "email", "resp.web.email", b.Email, "email");
        Input(html, ui, "phone", "resp.web.phone", b.Phone, "tel");
        Input(html, ui, "web", "resp.web.web", b.Web, "url");
        Input(html, ui, "open311endpoint", "resp.web.open311_endpoint", b.Open311Endpoint, "url");
        Input(html, ui, "open311service", "resp.web.open311_service", b.Open311ServiceCode, "text");
        Input(html, ui, "open311keyvariable", "resp.web.open311_key", b.Open311ApiKeyVariable, "text");
        Input(html, ui, "source", "resp.web.col.source", e.Source, "url");
        html.Append("</div><p class=\"hint\">").Append(ui.TE("resp.web.hint")).Append("</p>")
            .Append("<label class=\"check\"><input type=\"checkbox\" name=\"checked\" value=\"on\"").Append(e.Checked ? " checked" : "").Append("> ").Append(ui.TE("resp.web.checked")).Append("</label>")
            .Append("<div class=\"actions\"><button type=\"submit\" class=\"primary\">").Append(ui.TE("resp.web.save")).Append("</button> <a href=\"").Append(Path).Append("\">").Append(ui.TE("resp.web.back")).Append("</a></div></form>");
        if (e.Id > 0)
        {
            html.Append("<form method=\"post\" action=\"").Append(Path).Append('/').Append(e.Id).Append("/delete\">").Append(ui.Antiforgery())
                .Append("<button type=\"submit\">").Append(ui.TE("resp.web.delete")).Append("</button></form>");
        }

        return ui.Page(ui.T(e.Id > 0 ? "resp.web.edit_title" : "resp.web.new_title"), html.ToString());
    }

    private static void Input(StringBuilder html, WebUi ui, string name, string label, string? value, string type) =>
        html.Append("<div><label for=\"f-").Append(name).Append("\">").Append(ui.TE(label)).Append("</label><input id=\"f-").Append(name).Append("\" name=\"").Append(name)
            .Append("\" type=\"").Append(type).Append("\" maxlength=\"").Append(MaxText).Append("\" value=\"").Append(WebUi.Attr(value)).Append("\"></div>");

    private static IResult SaveAsync(HttpContext http, [FromForm] ResponsibilityForm form, ResponsibilityStore store, TopicCatalog topics, Db db)
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

    private static async Task<IResult> DeleteAsync(HttpContext http, int id, ResponsibilityStore store, Db db, IAntiforgery antiforgery)
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

    private static string Notice(HttpContext http, WebUi ui)
    {
        var q = http.Request.Query;
        if (q["done"].ToString() is { Length: > 0 } done && Notices.Contains(done))
        {
            return $"<p class=\"notice ok\" role=\"status\">{ui.TE("resp.web.done." + done)}</p>";
        }

        return q["error"].ToString() is { Length: > 0 } error && Errors.Contains(error)
            ? $"<p class=\"notice error\" role=\"alert\">{ui.TE("resp.web.error." + error)}</p>"
            : "";
    }

    private static string ScopeValue(Responsibility e) => e.Village is { } v ? "village:" + v : e.Municipality is { } m ? "municipality:" + m : "country";

    private static string Scope(WebUi ui, Responsibility e, Db db) =>
        e.Village is { } code ? db.Villages.FindOne(v => v.Code == code)?.Name ?? code
        : e.Municipality ?? ui.T("resp.web.country");

    private static string CategoryLabel(WebUi ui, TopicCatalog topics, Responsibility e) =>
        ReportPresenter.Category(ui, e.Category) + (topics.Find(e.Topic) is { } t ? " · " + topics.Label(t, ui.Lang) : "");
}
