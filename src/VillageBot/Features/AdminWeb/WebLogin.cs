using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>/web in the chat: a one-time sign-in link for coordinators and admins.</summary>
public sealed class WebLinkCommand(LoginLinks links, IOptions<WebOptions> options, ILogger<WebLinkCommand> log) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var token = links.Issue(ctx.UserId);
        log.LogInformation("Issued a web sign-in link (admin: {IsAdmin})", ctx.IsAdmin);
        var o = options.Value;
        // The page opens in the language the person uses with the bot.
        return ctx.ReplyKeyAsync("web.link", o.Url($"/web/login?t={token}&lang={ctx.Lang}"), o.LinkMinutes);
    }
}

/// <summary>
/// Opening the link shows a "sign in" button; pressing it uses the link up. Two steps, so that a link
/// preview or a mail scanner fetching the address does not spend it.
/// </summary>
public static class WebLogin
{
    public static void MapWebLogin(this IEndpointRouteBuilder web)
    {
        web.MapGet("/login", (HttpContext http, string? t, LoginLinks links, IDocumentStore db) =>
        {
            var ui = WebUi.For(http);
            var (state, userId) = links.Peek(t);
            if (state != LinkState.Valid)
            {
                return LinkRefused(ui, state);
            }

            var name = db.Residents.FindById(userId)?.FirstName ?? "";
            return ui.Render<LoginPage>(new Dictionary<string, object?> { ["Name"] = name, ["Token"] = t });
        }).AllowAnonymous();

        web.MapPost("/login", async (HttpContext http, [FromForm] string? t, LoginLinks links, IDocumentStore db, IOptions<BotOptions> bot, IOptions<WebOptions> options, TimeProvider time, ILogger<WebLinkCommand> log) =>
        {
            var ui = WebUi.For(http);
            var (state, userId) = links.Redeem(t);
            if (state != LinkState.Valid)
            {
                log.LogInformation("Refused a web sign-in link: {State}", state);
                return LinkRefused(ui, state);
            }

            var resident = db.Residents.FindById(userId);
            if (WebViewer.Of(resident, bot.Value) is not { } viewer)
            {
                log.LogInformation("Refused web sign-in: the person is no longer a coordinator or admin");
                return ui.Message(ui.T("web.denied.title"), [ui.T("web.login.no_role")], StatusCodes.Status403Forbidden, linkHome: false);
            }

            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, viewer.ToPrincipal(), new AuthenticationProperties
            {
                IsPersistent = true,
                ExpiresUtc = time.GetUtcNow().AddHours(options.Value.SessionHours),
                AllowRefresh = false,
            });
            http.Response.Cookies.Append(WebUi.LangCookie, resident!.Lang, new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Lax, MaxAge = TimeSpan.FromDays(365), IsEssential = true });
            log.LogInformation("Web sign-in (admin: {IsAdmin})", viewer.IsAdmin);
            return Results.Redirect("/web/reports");
        }).AllowAnonymous();

        web.MapPost("/logout", async (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect(WebPaths.SignIn + "?done=signedout");
        });

        web.MapGet("/signin", (HttpContext http) =>
        {
            var ui = WebUi.For(http);
            return ui.Render<SignInPage>(new Dictionary<string, object?> { ["SignedOut"] = http.Request.Query["done"] == "signedout" });
        }).AllowAnonymous();
    }

    private static IResult LinkRefused(WebUi ui, LinkState state)
    {
        var key = state switch
        {
            LinkState.Expired => "web.login.expired",
            LinkState.Used => "web.login.used",
            _ => "web.login.unknown",
        };
        return ui.Render<SignInPage>(new Dictionary<string, object?> { ["Title"] = ui.T("web.login.title"), ["Refusal"] = ui.T(key) }, StatusCodes.Status403Forbidden);
    }
}
