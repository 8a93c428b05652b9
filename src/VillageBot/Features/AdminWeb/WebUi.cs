using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Http.HttpResults;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// What a page needs to render for one request: the language (?lang= remembered in a cookie, Latvian by
/// default), texts, the anti-forgery field, and rendering a page component inside the shared layout.
/// </summary>
public sealed class WebUi
{
    public const string LangCookie = "vb_lang";

    private readonly HttpContext _http;
    private readonly Texts _texts;
    private readonly bool _public;

    private WebUi(HttpContext http, bool isPublic = false)
    {
        _http = http;
        _texts = http.RequestServices.GetRequiredService<Texts>();
        _public = isPublic;
        Lang = isPublic ? Languages.OfRequest(http.Request) : ResolveLang(http);
        Viewer = !isPublic && http.User.Identity?.IsAuthenticated == true ? WebViewer.From(http.User) : null;
    }

    public string Lang { get; }

    public WebViewer? Viewer { get; }

    public CultureInfo Culture => Texts.CultureFor(Lang);

    public static WebUi For(HttpContext http) => new(http);

    /// <summary>
    /// For a page anyone may open (a village's public page): the language from ?lang= or Accept-Language, no cookie
    /// of any kind, and nobody signed in as far as the page knows, so that one copy fits every reader and a cache.
    /// </summary>
    public static WebUi ForPublic(HttpContext http) => new(http, isPublic: true);

    public string T(string key, params object?[] args) => _texts.Get(Lang, key, args);

    /// <summary>Encodes markup characters but leaves letters as they are (ā, š, ж stay readable in the source); the page renderer's encoder.</summary>
    public static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    /// <summary>The anti-forgery field's name and this request's token, for <see cref="AntiforgeryField"/>.</summary>
    public (string Name, string Value) AntiforgeryField()
    {
        var tokens = Tokens();
        return (tokens.FormFieldName, tokens.RequestToken ?? "");
    }

    private AntiforgeryTokenSet? _tokens;

    /// <summary>This request's anti-forgery tokens; the first call sets the cookie, so it happens before the page is written.</summary>
    private AntiforgeryTokenSet Tokens() => _tokens ??= _http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(_http);

    public string Date(DateTime utc) => Local(utc).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

    public DateTime Local(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public TimeZoneInfo Zone => WebTime.Zone(_http.RequestServices);

    public bool IsCurrent(string href) => _http.Request.Path.StartsWithSegments(href);

    /// <summary>A page as a Razor component rendered on the server (static, no script); <paramref name="parameters"/> are its parameters besides Ui.</summary>
    public IResult Render<TPage>(IDictionary<string, object?> parameters, int status = StatusCodes.Status200OK)
        where TPage : IComponent
    {
        parameters["Ui"] = this;

        // The anti-forgery cookie is set now: once the page is being written, its headers are gone. A public page has no form.
        if (!_public)
        {
            Tokens();
        }

        return new RazorComponentResult<TPage>(parameters.AsReadOnly()) { StatusCode = status, ContentType = "text/html; charset=utf-8" };
    }

    /// <summary>A page that only tells something, in lines of text.</summary>
    public IResult Message(string title, IReadOnlyList<string> lines, int status = StatusCodes.Status200OK, bool linkHome = true) =>
        Render<MessagePage>(new Dictionary<string, object?> { ["Title"] = title, ["Lines"] = lines, ["LinkHome"] = linkHome }, status);

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

    /// <summary>
    /// A short notice after an action (?done=…, Ok) or a refusal (?error=…): its text key, from known values only. A
    /// feature with notices of its own gives their key prefix and values.
    /// </summary>
    public (bool Ok, string Key)? NoticeKey(string prefix = "web.", IReadOnlySet<string>? done = null, IReadOnlySet<string>? errors = null)
    {
        // A public page takes no action, so an address cannot make it show a notice.
        if (_public)
        {
            return null;
        }

        var q = _http.Request.Query;
        if (q["done"].ToString() is { Length: > 0 } d && (done ?? WebNotices.Done).Contains(d))
        {
            return (true, prefix + "done." + d);
        }

        if (q["error"].ToString() is { Length: > 0 } e && (errors ?? WebNotices.Errors).Contains(e))
        {
            return (false, prefix + "error." + e);
        }

        return null;
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
    public static readonly IReadOnlySet<string> Done = new HashSet<string> { "status", "category", "reviewed", "public", "private", "page_on", "page_off" };

    public static readonly IReadOnlySet<string> Errors = new HashSet<string> { "transition", "category", "note", "notfound", "public" };
}

public static class WebTime
{
    public static TimeZoneInfo Zone(IServiceProvider services) => services.GetRequiredService<TimeZoneInfo>();
}
