using System.Globalization;
using System.Text;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>The reports table, one report with its photo and location, and the status and category changes.</summary>
public static partial class ReportPages
{
    public static void MapReportPages(this IEndpointRouteBuilder web)
    {
        web.MapGet("/reports", List);
        web.MapGet("/reports/{id:int}", Detail);
        web.MapGet("/reports/{id:int}/photo", PhotoAsync);
        web.MapPost("/reports/{id:int}/status", ChangeStatusAsync);
        web.MapPost("/reports/{id:int}/category", RelabelAsync).RequireAuthorization(AdminWebFeature.AdminPolicy);
    }

    private static IResult List(HttpContext http, Db db, ReportStore store)
    {
        var ui = WebUi.For(http);
        var viewer = ui.Viewer!;
        var f = ReportFilter.Parse(http.Request.Query);
        if (f.Village is int v && !viewer.MaySee(v))
        {
            return WebPages.Denied(ui);
        }

        var view = new ReportPresenter(db);
        var page = store.Page(f.ToReportQuery(viewer, ui.Zone), f.Page, ReportFilter.PageSize);
        var query = f.ToQuery();
        var body = new StringBuilder(ui.Notice())
            .Append(WebForms.FilterForm(ui, f, view, viewer, "/web/reports"))
            .Append("<p class=\"summary\"><span role=\"status\">").Append(ui.TE("web.reports.count", page.Total)).Append("</span> · <a href=\"/web/reports.csv")
            .Append(query.Length > 0 ? "?" + WebUi.Attr(query) : "").Append("\" download>").Append(ui.TE("web.reports.csv")).Append("</a></p>")
            .Append(Table(ui, view, page.Items, review: false))
            .Append(WebForms.Pager(ui, f, "/web/reports", page.Total));
        return ui.Page(ui.T("web.reports.title"), body.ToString());
    }

    /// <summary>A table of reports; the review queue adds an inline relabel form to each row.</summary>
    public static string Table(WebUi ui, ReportPresenter view, IEnumerable<Report> reports, bool review)
    {
        var rows = reports.ToList();
        if (rows.Count == 0)
        {
            return $"<p>{ui.TE(review ? "web.review.empty" : "web.reports.none")}</p>";
        }

        var html = new StringBuilder("<div class=\"table-wrap\"><table class=\"reports\"><thead><tr>");
        foreach (var h in new[] { "web.col.ref", "web.col.date", "web.col.village", "web.col.category", "web.col.status", "web.col.confidence", "web.col.supporters", "web.col.text" })
        {
            html.Append("<th scope=\"col\">").Append(ui.TE(h)).Append("</th>");
        }

        if (review)
        {
            html.Append("<th scope=\"col\">").Append(ui.TE("web.col.relabel")).Append("</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (var r in rows)
        {
            var reference = ReportPresenter.Reference(r);
            html.Append("<tr><th scope=\"row\"><a href=\"/web/reports/").Append(r.Id).Append("\">").Append(WebUi.E(reference)).Append("</a></th>")
                .Append("<td>").Append(ui.Date(r.CreatedAt)).Append("</td>")
                .Append("<td>").Append(WebUi.E(view.VillageName(r.VillageId))).Append("</td>")
                .Append("<td>").Append(WebUi.E(ReportPresenter.Category(ui, r.Category))).Append("<br><small>").Append(WebUi.E(ReportPresenter.Pillar(ui, r.Pillar))).Append("</small></td>")
                .Append("<td><span class=\"status s-").Append(r.Status).Append("\">").Append(WebUi.E(ReportPresenter.Status(ui, r.Status))).Append("</span></td>")
                .Append("<td class=\"num\">").Append(ReportPresenter.Percent(r.Confidence)).Append("</td>")
                .Append("<td class=\"num\">").Append(r.Supporters.Count).Append("</td>")
                .Append("<td>").Append(WebUi.E(ReportPresenter.Snippet(r.Text)));
            if (r.PhotoFileId is not null)
            {
                html.Append(" <span class=\"tag\">").Append(ui.TE("web.tag.photo")).Append("</span>");
            }

            if (r.Latitude is not null)
            {
                html.Append(" <span class=\"tag\">").Append(ui.TE("web.tag.location")).Append("</span>");
            }

            html.Append("</td>");
            if (review)
            {
                var id = "c-" + r.Id.ToString(CultureInfo.InvariantCulture);
                html.Append("<td><form method=\"post\" action=\"/web/reports/").Append(r.Id).Append("/category\" class=\"inline\">").Append(ui.Antiforgery())
                    .Append("<input type=\"hidden\" name=\"back\" value=\"review\">")
                    .Append(WebForms.Select("category", ui.T("web.relabel.for", reference), r.Category, WebForms.CategoryOptions(ui), id: id))
                    .Append("<button type=\"submit\">").Append(ui.TE("web.relabel.save")).Append("</button></form></td>");
            }

            html.Append("</tr>");
        }

        return html.Append("</tbody></table></div>").ToString();
    }

    private static IResult Detail(HttpContext http, int id, Db db, ReportStore store)
    {
        var ui = WebUi.For(http);
        if (store.Find(id) is not { } r)
        {
            return WebPages.NotFound(ui);
        }

        if (!ui.Viewer!.MaySee(r.VillageId))
        {
            return WebPages.Denied(ui);
        }

        var view = new ReportPresenter(db);
        var reference = ReportPresenter.Reference(r);
        var html = new StringBuilder(ui.Notice());
        html.Append("<div class=\"detail\"><section aria-labelledby=\"h-text\"><h2 id=\"h-text\">").Append(ui.TE("web.report.text")).Append("</h2><blockquote class=\"text\">").Append(WebUi.E(r.Text)).Append("</blockquote>");
        if (r.PhotoFileId is not null)
        {
            html.Append("<figure><img src=\"/web/reports/").Append(r.Id).Append("/photo\" alt=\"").Append(ui.TE("web.report.photo_alt", reference)).Append("\" loading=\"lazy\"></figure>");
        }

        html.Append("</section><section aria-labelledby=\"h-facts\"><h2 id=\"h-facts\">").Append(ui.TE("web.report.facts")).Append("</h2><dl class=\"facts\">");
        Fact(html, ui.T("web.col.village"), WebUi.E(view.VillageName(r.VillageId)));
        Fact(html, ui.T("web.col.date"), ui.Date(r.CreatedAt));
        Fact(html, ui.T("web.field.status"), $"<span class=\"status s-{r.Status}\">{WebUi.E(ReportPresenter.Status(ui, r.Status))}</span>");
        Fact(html, ui.T("web.field.category"), WebUi.E(ReportPresenter.Category(ui, r.Category)) + " · " + WebUi.E(ReportPresenter.Pillar(ui, r.Pillar)));
        Fact(html, ui.T("web.report.predicted"), WebUi.E(ui.T("web.report.predicted_value", ReportPresenter.Category(ui, r.PredictedCategory), ReportPresenter.Percent(r.Confidence))) + (r.NeedsReview ? $" <span class=\"tag warn\">{ui.TE("web.report.needs_review")}</span>" : ""));
        Fact(html, ui.T("web.col.supporters"), r.Supporters.Count.ToString(CultureInfo.InvariantCulture));
        Fact(html, ui.T("web.report.author"), WebUi.E(view.Author(r) ?? ui.T(r.Anonymous ? "web.report.anonymous" : "web.report.no_author")));
        if (r.Latitude is double lat && r.Longitude is double lon)
        {
            Fact(html, ui.T("web.report.location"), $"{ReportPresenter.Coordinates(lat, lon)} · <a href=\"{WebUi.Attr(ReportPresenter.MapLink(lat, lon))}\" rel=\"noopener noreferrer\" target=\"_blank\">{ui.TE("web.report.map")}</a>");
        }

        foreach (var (term, value) in http.RequestServices.GetServices<IReportFacts>().SelectMany(f => f.For(r, ui.Lang)))
        {
            Fact(html, term, WebUi.E(value));
        }

        html.Append("</dl></section>");
        html.Append(StatusForm(ui, r));
        if (ui.Viewer.IsAdmin)
        {
            html.Append("<section aria-labelledby=\"h-relabel\"><h2 id=\"h-relabel\">").Append(ui.TE("web.relabel.title")).Append("</h2><form method=\"post\" action=\"/web/reports/").Append(r.Id).Append("/category\">").Append(ui.Antiforgery())
                .Append(WebForms.Select("category", ui.T("web.field.category"), r.Category, WebForms.CategoryOptions(ui)))
                .Append("<button type=\"submit\">").Append(ui.TE("web.relabel.save")).Append("</button></form></section>");
        }

        html.Append(History(ui, r)).Append("</div>");
        return ui.Page(ui.T("web.report.title", reference), html.ToString());
    }

    private static string StatusForm(WebUi ui, Report r)
    {
        var next = ReportStatus.All.Where(s => ReportStatus.CanMove(r.Status, s)).ToList();
        var html = new StringBuilder("<section aria-labelledby=\"h-status\"><h2 id=\"h-status\">").Append(ui.TE("web.status.title")).Append("</h2>");
        if (next.Count == 0)
        {
            return html.Append("<p>").Append(ui.TE("web.status.final")).Append("</p></section>").ToString();
        }

        return html.Append("<form method=\"post\" action=\"/web/reports/").Append(r.Id).Append("/status\">").Append(ui.Antiforgery())
            .Append(WebForms.Select("status", ui.T("web.status.new_status"), next[0], next.Select(s => (s, ReportPresenter.Status(ui, s)))))
            .Append("<label for=\"f-note\">").Append(ui.TE("web.status.note")).Append("</label><textarea id=\"f-note\" name=\"note\" rows=\"3\" maxlength=\"").Append(ReportStatusService.MaxNoteLength).Append("\"></textarea>")
            .Append("<p class=\"hint\">").Append(ui.TE("web.status.hint")).Append("</p>")
            .Append("<label class=\"check\"><input type=\"checkbox\" name=\"public_note\" value=\"on\"> ").Append(ui.TE("web.status.note_public")).Append("</label>")
            .Append("<button type=\"submit\" class=\"primary\">").Append(ui.TE("web.status.save")).Append("</button></form></section>").ToString();
    }

    private static string History(WebUi ui, Report r)
    {
        var html = new StringBuilder("<section aria-labelledby=\"h-history\"><h2 id=\"h-history\">").Append(ui.TE("web.history.title")).Append("</h2>");
        if (r.History.Count == 0)
        {
            return html.Append("<p>").Append(ui.TE("web.history.none")).Append("</p></section>").ToString();
        }

        html.Append("<ol class=\"history\">");
        foreach (var h in r.History)
        {
            html.Append("<li><time>").Append(ui.Date(h.At)).Append("</time> ").Append(WebUi.E(ReportPresenter.Status(ui, h.From))).Append(" → ").Append(WebUi.E(ReportPresenter.Status(ui, h.To)));
            if (!string.IsNullOrEmpty(h.Note))
            {
                html.Append("<br><span class=\"note\">").Append(WebUi.E(h.Note)).Append("</span>");
                if (h.NotePublic)
                {
                    html.Append(" <small>(").Append(ui.TE("web.status.public_mark")).Append(")</small>");
                }
            }

            html.Append("</li>");
        }

        return html.Append("</ol></section>").ToString();
    }

    private static void Fact(StringBuilder html, string term, string valueHtml) =>
        html.Append("<dt>").Append(WebUi.E(term)).Append("</dt><dd>").Append(valueHtml).Append("</dd>");
}
