using System.Globalization;
using System.Text;
using VillageBot.Features.Reports;

namespace VillageBot.Features.AdminWeb;

/// <summary>Form controls shared by the pages: labelled selects and the report filter form.</summary>
public static class WebForms
{
    public static string Select(string name, string label, string? selected, IEnumerable<(string Value, string Text)> options, string? emptyText = null, string? id = null)
    {
        id ??= "f-" + name;
        var html = new StringBuilder();
        html.Append("<label for=\"").Append(id).Append("\">").Append(WebUi.E(label)).Append("</label><select id=\"").Append(id).Append("\" name=\"").Append(name).Append("\">");
        if (emptyText is not null)
        {
            html.Append("<option value=\"\">").Append(WebUi.E(emptyText)).Append("</option>");
        }

        foreach (var (value, text) in options)
        {
            html.Append("<option value=\"").Append(WebUi.Attr(value)).Append('"').Append(value == selected ? " selected" : "").Append('>').Append(WebUi.E(text)).Append("</option>");
        }

        return html.Append("</select>").ToString();
    }

    public static IEnumerable<(string, string)> CategoryOptions(WebUi ui) => Categories.All.Select(c => (c, ReportPresenter.Category(ui, c)));

    /// <summary>The GET form of the report filters; <paramref name="action"/> is the page it filters.</summary>
    public static string FilterForm(WebUi ui, ReportFilter f, ReportPresenter view, WebViewer viewer, string action, bool withStatus = true)
    {
        var all = ui.T("web.filter.all");
        var inv = CultureInfo.InvariantCulture;
        var html = new StringBuilder("<form method=\"get\" action=\"").Append(action).Append("\" class=\"filters\" aria-label=\"").Append(ui.TE("web.filter.label")).Append("\"><div class=\"grid\">");
        html.Append("<div>").Append(Select("village", ui.T("web.field.village"), f.Village?.ToString(inv), view.VisibleTo(viewer).Select(v => (v.Id.ToString(inv), v.Name)), all)).Append("</div>");
        html.Append("<div>").Append(Select("category", ui.T("web.field.category"), f.Category, CategoryOptions(ui), all)).Append("</div>");
        html.Append("<div>").Append(Select("pillar", ui.T("web.field.pillar"), f.Pillar, Categories.Pillars.Select(p => (p, ReportPresenter.Pillar(ui, p))), all)).Append("</div>");
        if (withStatus)
        {
            html.Append("<div>").Append(Select("status", ui.T("web.field.status"), f.Status, ReportStatus.All.Select(s => (s, ReportPresenter.Status(ui, s))), all)).Append("</div>");
        }

        html.Append("<div><label for=\"f-cmin\">").Append(ui.TE("web.filter.cmin")).Append("</label><input id=\"f-cmin\" name=\"cmin\" type=\"number\" min=\"0\" max=\"100\" inputmode=\"numeric\" value=\"").Append(f.MinConfidence?.ToString(inv)).Append("\"></div>");
        html.Append("<div><label for=\"f-cmax\">").Append(ui.TE("web.filter.cmax")).Append("</label><input id=\"f-cmax\" name=\"cmax\" type=\"number\" min=\"0\" max=\"100\" inputmode=\"numeric\" value=\"").Append(f.MaxConfidence?.ToString(inv)).Append("\"></div>");
        html.Append(DateInput(ui, "from", "web.filter.from", f.From)).Append(DateInput(ui, "to", "web.filter.to", f.To));
        html.Append("</div><div class=\"actions\"><button type=\"submit\" class=\"primary\">").Append(ui.TE("web.filter.apply")).Append("</button> <a href=\"").Append(action).Append("\">").Append(ui.TE("web.filter.reset")).Append("</a></div></form>");
        if (f.Ignored.Count > 0)
        {
            html.Append("<p class=\"notice error\" role=\"alert\">").Append(ui.TE("web.filter.ignored", string.Join(", ", f.Ignored))).Append("</p>");
        }

        return html.ToString();
    }

    /// <summary>
    /// A date typed as the page's language writes it (01.02.2025 in Latvian and Russian, 01/02/2025 in English): a
    /// browser's own date picker follows the browser's language, not the page's.
    /// </summary>
    private static string DateInput(WebUi ui, string name, string labelKey, DateOnly? value)
    {
        var format = ReportFilter.DateFormat(ui.Lang);
        return new StringBuilder("<div><label for=\"f-").Append(name).Append("\">").Append(ui.TE(labelKey)).Append(" <small>(").Append(ui.TE("web.filter.date_hint")).Append(")</small></label>")
            .Append("<input id=\"f-").Append(name).Append("\" name=\"").Append(name).Append("\" type=\"text\" inputmode=\"numeric\" autocomplete=\"off\" placeholder=\"").Append(ui.TE("web.filter.date_hint"))
            .Append("\" value=\"").Append(value?.ToString(format, CultureInfo.InvariantCulture)).Append("\"></div>").ToString();
    }

    public static string Pager(WebUi ui, ReportFilter f, string action, int total)
    {
        var pages = Math.Max(1, (total + ReportFilter.PageSize - 1) / ReportFilter.PageSize);
        if (pages == 1)
        {
            return "";
        }

        var html = new StringBuilder("<nav class=\"pager\" aria-label=\"").Append(ui.TE("web.pager.label")).Append("\">");
        if (f.Page > 1)
        {
            html.Append("<a rel=\"prev\" href=\"").Append(action).Append('?').Append(WebUi.Attr(f.ToQuery(f.Page - 1))).Append("\">").Append(ui.TE("web.pager.prev")).Append("</a> ");
        }

        html.Append("<span>").Append(ui.TE("web.pager.page", Math.Min(f.Page, pages), pages)).Append("</span>");
        if (f.Page < pages)
        {
            html.Append(" <a rel=\"next\" href=\"").Append(action).Append('?').Append(WebUi.Attr(f.ToQuery(f.Page + 1))).Append("\">").Append(ui.TE("web.pager.next")).Append("</a>");
        }

        return html.Append("</nav>").ToString();
    }
}
