using System.Reflection;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// The admin web (/web): sign-in through a one-time link from the chat, the reports table and review queue,
/// the village pulse and CSV export. Coordinators see their villages; admins see all.
/// </summary>
public static class AdminWebFeature
{
    /// <summary>Admins and coordinators.</summary>
    public const string StaffPolicy = "web-staff";

    /// <summary>Admins only: the review queue, relabelling and the job dashboard (/hangfire).</summary>
    public const string AdminPolicy = "web-admin";

    public const string CookieName = "vb_session";

    /// <summary>Where the job dashboard is served; it is guarded by <see cref="AdminDashboardAuthorization"/>.</summary>
    public const string DashboardPath = "/hangfire";

    public static IServiceCollection AddAdminWeb(this IServiceCollection services)
    {
        services.AddOptions<WebOptions>().BindConfiguration(WebOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LoginLinks>();
        services.AddSingleton<IPersonalData>(sp => sp.GetRequiredService<LoginLinks>());
        services.AddSingleton<WebSessionValidator>();
        services.AddCommand<WebLinkCommand>("web", Access.Coordinator, "cmd.web");

        services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie();
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = web.Value.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.Cookie.Path = "/";
            o.LoginPath = WebPaths.SignIn;
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = TimeSpan.FromHours(web.Value.SessionHours);
            o.SlidingExpiration = false;
            o.EventsType = typeof(WebSessionValidator);
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, p => p.RequireAuthenticatedUser().RequireRole(WebViewer.AdminRole, WebViewer.CoordinatorRole))
            .AddPolicy(AdminPolicy, p => p.RequireAuthenticatedUser().RequireRole(WebViewer.AdminRole));
        services.AddAntiforgery();

        // Pages are Razor components rendered on the server (static, no script); letters such as ā, š and ж are
        // written as they are, markup characters encoded.
        services.AddRazorComponents();
        services.AddSingleton(WebUi.Encoder);

        // A refused form (no anti-forgery token, a malformed field) answers 400 in every environment, so that
        // the person sees the error page in their language rather than the developer's exception page.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = false);
        services.AddOptions<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>().Configure<IOptions<WebOptions>>((o, web) =>
        {
            o.Cookie.Name = "vb_af";
            o.Cookie.SameSite = SameSiteMode.Strict;

            // As the session cookie: Secure on https, which behind a TLS proxy is known from Web:TrustedProxies.
            o.Cookie.SecurePolicy = web.Value.IsHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.FormFieldName = "_af";
        });
        return services;
    }

    public static WebApplication MapAdminWeb(this WebApplication app)
    {
        // Authentication and authorization are put first in the pipeline by the host itself (their services are
        // registered), ahead of any middleware such as the job dashboard, which relies on the cookie.
        app.UseStatusCodePages(context => WebPages.WriteStatusPageAsync(context.HttpContext));
        app.UseAntiforgery();
        app.Use(async (http, next) =>
        {
            // A person opening the job dashboard without a session is shown how to sign in, as for /web pages.
            if (http.Request.Path.StartsWithSegments(DashboardPath) && http.User.Identity?.IsAuthenticated != true && !WebPaths.IsApi(http.Request))
            {
                await http.ChallengeAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }

            await next();
        });
        app.Use(async (http, next) =>
        {
            // The villages' public pages (/v/…) are written by the same layout and get the same headers; they set their own caching.
            if (http.Request.Path.StartsWithSegments("/web") || http.Request.Path.StartsWithSegments("/v"))
            {
                var h = http.Response.Headers;
                // Scripts only from this app (the map); images also from the map's tile server. Nothing inline.
                var tiles = http.RequestServices.GetRequiredService<IOptions<WebOptions>>().Value.MapTilesOrigin;
                h.ContentSecurityPolicy = $"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: {tiles}; media-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
                h.XContentTypeOptions = "nosniff";
                h["Referrer-Policy"] = "no-referrer";
                h.CacheControl = "no-store";
            }

            await next();
        });

        var web = app.MapGroup("/web").RequireAuthorization(StaffPolicy);
        web.MapGet("/", () => Results.Redirect("/web/reports"));
        web.MapGet("/assets/site.css", Stylesheet).AllowAnonymous();
        web.MapGet("/assets/{**file}", Asset).AllowAnonymous();
        web.MapWebLogin();
        web.MapReportPages();
        web.MapReviewPage();
        web.MapPulsePage();
        web.MapCsvExport();
        web.MapWebApi();
        return app;
    }

    private static IResult Stylesheet(HttpContext http)
    {
        http.Response.Headers.CacheControl = "public, max-age=3600";
        return Results.Text(Css.Value, "text/css; charset=utf-8");
    }

    /// <summary>A file the app carries (Leaflet, the map script), from its embedded resources; nothing is fetched elsewhere.</summary>
    private static IResult Asset(HttpContext http, string file)
    {
        if (!Assets.Value.TryGetValue(file, out var bytes))
        {
            return Results.NotFound();
        }

        http.Response.Headers.CacheControl = "public, max-age=86400";
        var type = Path.GetExtension(file) switch
        {
            ".js" => "text/javascript; charset=utf-8",
            ".css" => "text/css; charset=utf-8",
            ".png" => "image/png",
            _ => "text/plain; charset=utf-8",
        };
        return Results.Bytes(bytes, type);
    }

    private const string AssetPrefix = "VillageBot.WebAssets/";

    private static readonly Lazy<IReadOnlyDictionary<string, byte[]>> Assets = new(() =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(AssetPrefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            files[name[AssetPrefix.Length..].Replace('\\', '/')] = buffer.ToArray();
        }

        return files;
    });

    private static readonly Lazy<string> Css = new(() =>
    {
        var assembly = Assembly.GetExecutingAssembly();
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("AdminWeb.site.css", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        return reader.ReadToEnd();
    });
}
