using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Infrastructure.Security;

/// <summary>
/// The first steps of every request, ahead of the app's own: the client address and scheme from trusted
/// proxies only (Web:TrustedProxies), then, in local mode, nobody but this machine.
/// </summary>
public sealed class NetworkStartup(IOptions<NetworkOptions> network, IOptions<TelegramOptions> telegram) : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        if (network.Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders(ForwardedHeaders(network.Value.TrustedProxies));
        }

        if (!telegram.Value.HasToken && !network.Value.AllowRemote)
        {
            app.Use(async (http, next) =>
            {
                // A missing address is a connection without a network (a Unix socket or an in-process server).
                if (http.Connection.RemoteIpAddress is { } remote && !IPAddress.IsLoopback(remote))
                {
                    http.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await http.Response.WriteAsync("Local mode answers only on this machine (see LocalChat:AllowRemote).");
                    return;
                }

                await next(http);
            });
        }

        next(app);
    };

    public static ForwardedHeadersOptions ForwardedHeaders(IEnumerable<string> proxies)
    {
        var o = new ForwardedHeadersOptions { ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto };
        o.KnownProxies.Clear();
        o.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            if (IPAddress.TryParse(proxy, out var address))
            {
                o.KnownProxies.Add(address);
            }
            else
            {
                o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(proxy));
            }
        }

        return o;
    }
}
