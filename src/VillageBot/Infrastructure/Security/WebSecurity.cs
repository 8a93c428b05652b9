using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Infrastructure.Security;

/// <summary>What the web side trusts: which host names, which proxies, which clients in local mode, how often.</summary>
public static class WebSecurity
{
    private static readonly string[] LoopbackHosts = ["localhost", "127.0.0.1", "[::1]"];

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddTransient<IStartupFilter, NetworkStartup>();
        services.AddHttpRateLimits();
        services.AddKeyStorage(configuration);

        // Only the bot's own names are answered, so a page on another name that resolves to this machine (DNS
        // rebinding) cannot reach it with the browser's help. Loopback names stay: a browser sends them only to
        // this machine. An AllowedHosts list other than "*" is taken as it is.
        services.AddOptions<HostFilteringOptions>().Configure<IConfiguration, IOptions<NetworkOptions>, IOptions<TelegramOptions>>((o, config, network, telegram) =>
        {
            var configured = (config["AllowedHosts"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            o.AllowedHosts = configured.Length > 0 && !configured.Contains("*")
                ? [.. configured]
                : [.. AllowedHosts(network.Value, telegram.Value)];
        });
        return services;
    }

    public static IEnumerable<string> AllowedHosts(NetworkOptions network, TelegramOptions telegram)
    {
        IEnumerable<string?> urls = [network.PublicUrl, telegram.UsesWebhook ? telegram.WebhookUrl : null];
        var named = urls.Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri.Host : null).OfType<string>();
        return named.Concat(LoopbackHosts).Distinct(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// In local mode every configured address (ASPNETCORE_URLS, --urls, HTTP_PORTS) is moved to loopback unless
    /// LocalChat:AllowRemote is set; then a warning says that anyone who reaches the port can use the bot.
    /// </summary>
    public static void ListenLocallyInLocalMode(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value.HasToken)
        {
            return;
        }

        if (app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.AllowRemote)
        {
            app.Logger.LogWarning("LocalChat:AllowRemote is set: the local chat page and everything it unlocks answer every machine that reaches this port. Anyone there can talk to the bot as a new person.");
            return;
        }

        if (app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>() is not { Addresses: { IsReadOnly: false, Count: 0 } addresses })
        {
            return;
        }

        var urls = (app.Configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (urls.Length == 0)
        {
            urls = [.. (app.Configuration["http_ports"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(p => $"http://*:{p}")];
        }

        foreach (var url in urls)
        {
            var address = BindingAddress.Parse(url);
            var host = LoopbackHosts.Contains(address.Host, StringComparer.OrdinalIgnoreCase) || (IPAddress.TryParse(address.Host, out var ip) && IPAddress.IsLoopback(ip))
                ? address.Host
                : "127.0.0.1";
            addresses.Add($"{address.Scheme}://{host}:{address.Port}{address.PathBase}");
        }

        if (urls.Length > 0)
        {
            app.Logger.LogWarning("Local mode listens on {Urls} only; set LocalChat:AllowRemote=true to open it to other machines.", string.Join(", ", addresses));
        }
    }
}
