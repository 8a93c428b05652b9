using Hangfire.Dashboard;

namespace VillageBot.Features.AdminWeb;

/// <summary>
/// The job dashboard (/hangfire) is for admins signed in to the admin web, wherever the request comes from:
/// behind a reverse proxy every request looks local, so the address is not trusted. Anonymous browsers are
/// sent to the sign-in page first (see <see cref="AdminWebFeature.MapAdminWeb"/>); Hangfire answers 401 to
/// other anonymous requests and 403 to signed-in coordinators.
/// </summary>
public sealed class AdminDashboardAuthorization : IDashboardAuthorizationFilter
{
    public bool Authorize(DashboardContext context) => IsAdmin(context.GetHttpContext());

    public static bool IsAdmin(HttpContext http) =>
        http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(WebViewer.AdminRole);
}
