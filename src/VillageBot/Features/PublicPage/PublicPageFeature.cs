using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.PublicPage;

/// <summary>
/// A village's public page, /v/{code}: the monthly digest's aggregates for anyone to read, off for every village until
/// an admin turns it on at /web/villages. An unknown code and a page that is off answer the same 404.
/// </summary>
public static class PublicPageFeature
{
    public const string VillagesPath = "/web/villages";

    public static IServiceCollection AddPublicPage(this IServiceCollection services)
    {
        services.AddOptions<PublicPageOptions>().BindConfiguration(PublicPageOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<PublicVillage>();
        return services;
    }

    public static WebApplication MapPublicPage(this WebApplication app)
    {
        app.MapGet("/v/{code}", Page);
        var admin = app.MapGroup(VillagesPath).RequireAuthorization(AdminWebFeature.AdminPolicy);
        admin.MapGet("/", (HttpContext http, IDocumentStore db, IOptions<PublicPageOptions> options) => WebUi.For(http).Render<VillagesPage>(new Dictionary<string, object?>
        {
            ["Villages"] = db.Villages.FindAll().OrderBy(v => v.Name, StringComparer.Ordinal).ToList(),
            ["MinPeople"] = options.Value.MinPeople,
        }));
        admin.MapPost("/{id:int}/public", Switch);
        return app;
    }

    private static IResult Page(HttpContext http, string code, IDocumentStore db, PublicVillage pages, IOptions<PublicPageOptions> options)
    {
        var ui = WebUi.ForPublic(http);
        http.Response.Headers.Vary = "Accept-Language";
        var village = db.Villages.FindOne(v => v.Code == code);
        if (village is not { PublicPage: true })
        {
            http.Response.Headers.CacheControl = "no-store";
            return WebPages.NotFound(ui, "web.notfound.page");
        }

        http.Response.Headers.CacheControl = "public, max-age=" + options.Value.CacheSeconds.ToString(CultureInfo.InvariantCulture);
        return ui.Render<VillagePublicPage>(new Dictionary<string, object?> { ["View"] = pages.Of(village) });
    }

    private static IResult Switch(int id, [FromForm] string? on, IDocumentStore db)
    {
        if (db.Villages.FindById(id) is not { } village || on is not ("true" or "false"))
        {
            return Results.Redirect(VillagesPath + "?error=notfound");
        }

        village.PublicPage = on == "true";
        db.Villages.Update(village);
        return Results.Redirect(VillagesPath + (village.PublicPage ? "?done=page_on" : "?done=page_off"));
    }
}
