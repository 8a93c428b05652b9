using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// What a page needs to render for one request: the language (?lang= remembered in a cookie, Latvian by
/// default), texts, HTML encoding, the anti-forgery field and the shared layout.
/// </summary>
public sealed class WebUi
{
    public const string LangCookie = "vb_lang";

    private readonly HttpContext _http;
    private readonly Texts _texts;

    private WebUi(HttpContext http)
    {
        _http = http;
        _texts = http.RequestServices.GetRequiredService<Texts>();
        Lang = ResolveLang(http);
        Viewer = http.User.Identity?.IsAuthenticated == true ? WebViewer.From(http.User) : null;
    }

    public string Lang { get; }

    public WebViewer? Viewer { get; }

    public CultureInfo Culture => Texts.CultureFor(Lang);

    public static WebUi For(HttpContext http) => new(http);

    public string T(string key, params object?[] args) => _texts.Get(Lang, key, args);

    /// <summary>A text, HTML-encoded.</summary>
    public string TE(string key, params object?[] args) => E(T(key, args));

    /// <summary>Encodes markup characters but leaves letters as they are (ā, š, ж stay readable in the source).</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static string E(string? value) => Encoder.Encode(value ?? "");

    public static string Attr(string? value) => Encoder.Encode(value ?? "");

    public string Antiforgery()
    {
        var tokens = _http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(_http);
        return $"<input type=\"hidden\" name=\"{Attr(tokens.FormFieldName)}\" value=\"{Attr(tokens.RequestToken)}\">";
    }

    public string Date(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public TimeZoneInfo Zone => WebTime.Zone(_http.RequestServices);

    public IResult Page(string title, string body, int status = StatusCodes.Status200OK)
    {
        var html = new StringBuilder(4096);
        html.Append("<!doctype html><html lang=\"").Append(Lang).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append(" · VillageBot</title>")
            .Append("<link rel=\"stylesheet\" href=\"/web/assets/site.css\"></head><body>")
            .Append("<a class=\"skip\" href=\"#main\">").Append(TE("web.skip")).Append("</a><header class=\"top\">")
            .Append("<span class=\"brand\">VillageBot</span>");
        if (Viewer is { } v)
        {
            html.Append("<nav aria-label=\"").Append(TE("web.nav.label")).Append("\"><ul>");
            NavItem(html, "/web/reports", "web.nav.reports");
            if (v.IsAdmin)
            {
                NavItem(html, "/web/review", "web.nav.review");
            }

            NavItem(html, "/web/pulse", "web.nav.pulse");
            NavItem(html, "/web/responsibilities", "web.nav.responsibilities");
            html.Append("</ul></nav><form method=\"post\" action=\"/web/logout\" class=\"logout\">").Append(Antiforgery())
                .Append("<span class=\"who\">").Append(E(v.Name)).Append(" · ").Append(TE(v.IsAdmin ? "web.role.admin" : "web.role.coordinator")).Append("</span> ")
                .Append("<button type=\"submit\" class=\"link\">").Append(TE("web.signout")).Append("</button></form>");
        }

        html.Append("<nav class=\"langs\" aria-label=\"").Append(TE("web.language")).Append("\">");
        foreach (var lang in Languages.All)
        {
            html.Append("<a href=\"").Append(Attr(WithQuery("lang", lang))).Append("\" lang=\"").Append(lang).Append("\" hreflang=\"").Append(lang).Append('"')
                .Append(lang == Lang ? " aria-current=\"true\"" : "").Append('>').Append(lang.ToUpperInvariant()).Append("</a>");
        }

        html.Append("</nav></header><main id=\"main\"><h1>").Append(E(title)).Append("</h1>").Append(body).Append("</main></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8", Encoding.UTF8, status);
    }

    /// <summary>The current address with one query value replaced (or removed when null).</summary>
    public string WithQuery(string key, string? value)
    {
        var query = _http.Request.Query.Where(q => q.Key != key && q.Key != "done" && q.Key != "error")
            .SelectMany(q => q.Value.Select(v => (q.Key, Value: v ?? "")))
            .ToList();
        if (value is not null)
        {
            query.Add((key, value));
        }

        var qs = string.Join('&', query.Select(q => Uri.EscapeDataString(q.Key) + "=" + Uri.EscapeDataString(q.Value)));
        return _http.Request.Path + (qs.Length > 0 ? "?" + qs : "");
    }

    /// <summary>A short notice after an action (?done=…) or a refusal (?error=…), from known keys only.</summary>
    public string Notice()
    {
        var q = _http.Request.Query;
        if (q["done"].ToString() is { Length: > 0 } done && WebNotices.Done.Contains(done))
        {
            return $"<p class=\"notice ok\" role=\"status\">{TE("web.done." + done)}</p>";
        }

        if (q["error"].ToString() is { Length: > 0 } error && WebNotices.Errors.Contains(error))
        {
            return $"<p class=\"notice error\" role=\"alert\">{TE("web.error." + error)}</p>";
        }

        return "";
    }

    private void NavItem(StringBuilder html, string href, string key)
    {
        var current = _http.Request.Path.StartsWithSegments(href) ? " aria-current=\"page\"" : "";
        html.Append("<li><a href=\"").Append(href).Append('"').Append(current).Append('>').Append(TE(key)).Append("</a></li>");
    }

    private static string ResolveLang(HttpContext http)
    {
        var asked = http.Request.Query["lang"].ToString();
        if (Languages.IsSupported(asked))
        {
            http.Response.Cookies.Append(LangCookie, asked, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            return asked;
        }

        return http.Request.Cookies.TryGetValue(LangCookie, out var saved) && Languages.IsSupported(saved) ? saved : Languages.Default;
    }
}

public static class WebNotices
{
    public static readonly IReadOnlySet<string> Done = new HashSet<string> { "status", "category", "reviewed" };

    public static readonly IReadOnlySet<string> Errors = new HashSet<string> { "transition", "category", "note", "notfound" };
}

public static class WebTime
{
    public static TimeZoneInfo Zone(IServiceProvider services) => services.GetRequiredService<TimeZoneInfo>();
}
