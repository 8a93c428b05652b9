using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>Who is looking at the admin web: an admin (every village) or a coordinator (their villages only).</summary>
public sealed record WebViewer(long UserId, string Name, bool IsAdmin, IReadOnlySet<int> Villages)
{
    public const string AdminRole = "admin";
    public const string CoordinatorRole = "coordinator";
    public const string VillageClaim = "village";

    public bool MaySee(int villageId) => IsAdmin || Villages.Contains(villageId);

    /// <summary>The viewer for a resident now, or null when they are neither admin nor coordinator.</summary>
    public static WebViewer? Of(Resident? resident, BotOptions bot)
    {
        if (resident is null)
        {
            return null;
        }

        var isAdmin = bot.AdminIds.Contains(resident.Id);
        if (!isAdmin && resident.CoordinatorOf.Count == 0)
        {
            return null;
        }

        return new WebViewer(resident.Id, resident.FirstName ?? "", isAdmin, resident.CoordinatorOf.ToHashSet());
    }

    public static WebViewer From(ClaimsPrincipal user)
    {
        var id = long.Parse(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "0", CultureInfo.InvariantCulture);
        var villages = user.FindAll(VillageClaim).Select(c => int.Parse(c.Value, CultureInfo.InvariantCulture)).ToHashSet();
        return new WebViewer(id, user.FindFirstValue(ClaimTypes.Name) ?? "", user.IsInRole(AdminRole), villages);
    }

    public ClaimsPrincipal ToPrincipal()
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, UserId.ToString(CultureInfo.InvariantCulture)),
            new(ClaimTypes.Name, Name),
            new(ClaimTypes.Role, IsAdmin ? AdminRole : CoordinatorRole),
        };
        claims.AddRange(Villages.Order().Select(v => new Claim(VillageClaim, v.ToString(CultureInfo.InvariantCulture))));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }

    public bool SameAccess(WebViewer other) => IsAdmin == other.IsAdmin && Villages.SetEquals(other.Villages);
}

/// <summary>
/// Checks each session against the database, so a coordinator who was demoted, or a person who used
/// /forget, loses access at once instead of when the cookie expires.
/// </summary>
public sealed class WebSessionValidator(IDocumentStore db, IOptions<BotOptions> bot) : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        if (context.Principal is not { } principal)
        {
            return;
        }

        var signedIn = WebViewer.From(principal);
        var now = WebViewer.Of(db.Residents.FindById(signedIn.UserId), bot.Value);
        if (now is null)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        if (!now.SameAccess(signedIn))
        {
            context.ReplacePrincipal(now.ToPrincipal());
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (WebPaths.IsApi(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return Task.CompletedTask;
        }

        return base.RedirectToLogin(context);
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context)
    {
        // A page answers 403 itself (with an explanation) rather than redirecting to another address.
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return WebPaths.IsApi(context.Request) ? Task.CompletedTask : WebPages.WriteDeniedAsync(context.HttpContext);
    }
}

public static class WebPaths
{
    public const string SignIn = "/web/signin";

    /// <summary>Machine clients (the JSON API, scripts, XHR) get status codes, not redirects to a page meant for people.</summary>
    public static bool IsApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/web/api")
        || !request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);
}
