using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace VillageBot.Tests.Security;

/// <summary>
/// Lets a test request arrive from another machine: the in-memory server has no network, so the connection's
/// address is taken from an <c>X-Test-Peer</c> header before anything of the bot runs.
/// </summary>
public sealed class PeerAddress : IStartupFilter
{
    public const string Header = "X-Test-Peer";

    public static void Install(IServiceCollection services) =>
        services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, PeerAddress>());

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use(async (http, nextStep) =>
        {
            if (http.Request.Headers.TryGetValue(Header, out var peer))
            {
                http.Connection.RemoteIpAddress = System.Net.IPAddress.Parse(peer.ToString());
            }

            await nextStep(http);
        });
        next(app);
    };

    public static HttpRequestMessage Request(HttpMethod method, string url, string? peer = null, params (string Name, string Value)[] headers)
    {
        var request = new HttpRequestMessage(method, url);
        if (peer is not null)
        {
            request.Headers.Add(Header, peer);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        return request;
    }
}
