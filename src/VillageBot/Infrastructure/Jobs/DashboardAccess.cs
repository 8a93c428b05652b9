using System.Net;
using Hangfire.Dashboard;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// The Hangfire dashboard at /hangfire is never open to anonymous visitors from the network: a request from
/// this machine, or a signed-in user with the "admin" role (once the admin web signs people in), gets in.
/// </summary>
public sealed class DashboardAccess : IDashboardAuthorizationFilter
{
    public const string AdminRole = "admin";

    public bool Authorize(DashboardContext context) => Allows(context.GetHttpContext());

    public static bool Allows(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated == true && http.User.IsInRole(AdminRole))
        {
            return true;
        }

        var remote = http.Connection.RemoteIpAddress;
        return remote is not null && (IPAddress.IsLoopback(remote) || remote.Equals(http.Connection.LocalIpAddress));
    }
}
