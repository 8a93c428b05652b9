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
        web.MapGet("/login", (HttpContext http, string? t, LoginLinks links, Db db) =>
        {
            var ui = WebUi.For(http);
            var (state, userId) = links.Peek(t);
            if (state != LinkState.Valid)
            {
                return LinkRefused(ui, state);
            }

            var name = db.Residents.FindById(userId)?.FirstName ?? "";
            var body = $"""
                <p>{ui.TE("web.login.confirm", name)}</p>
                <form method="post" action="/web/login">{ui.Antiforgery()}<input type="hidden" name="t" value="{WebUi.Attr(t)}">
                <button type="submit" class="primary">{ui.TE("web.login.button")}</button></form>
                """;
            return ui.Page(ui.T("web.login.title"), body);
        }).AllowAnonymous();

        web.MapPost("/login", async (HttpContext http, [FromForm] string? t, LoginLinks links, Db db, IOptions<BotOptions> bot, IOptions<WebOptions> options, TimeProvider time, ILogger<WebLinkCommand> log) =>
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
                return ui.Page(ui.T("web.denied.title"), $"<p>{ui.TE("web.login.no_role")}</p>", StatusCodes.Status403Forbidden);
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
            var signedOut = http.Request.Query["done"] == "signedout" ? $"<p class=\"notice ok\" role=\"status\">{ui.TE("web.signedout")}</p>" : "";
            return ui.Page(ui.T("web.signin.title"), signedOut + $"<p>{ui.TE("web.signin.how")}</p><ol><li>{ui.TE("web.signin.step1")}</li><li>{ui.TE("web.signin.step2")}</li><li>{ui.TE("web.signin.step3")}</li></ol>");
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
        return ui.Page(ui.T("web.login.title"), $"<p class=\"notice error\" role=\"alert\">{ui.TE(key)}</p><p>{ui.TE("web.signin.how")}</p>", StatusCodes.Status403Forbidden);
    }
}
