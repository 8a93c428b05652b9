using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.TestKit;

/// <summary>
/// The real VillageBot host (the same Program as production) with the real Telegram.Bot client pointed at a
/// <see cref="FakeBotApi"/>. Restart keeps the data directory, as a process restart would.
/// </summary>
public sealed class BotHost : IAsyncDisposable
{
    public const long AdminId = 900_001;

    private readonly WebApplicationFactory<Program> _factory;

    private BotHost(FakeBotApi api, string dataDirectory, Dictionary<string, string?> settings, Action<IServiceCollection>? configure, int? kestrelPort)
    {
        Api = api;
        DataDirectory = dataDirectory;
        Settings = settings;
        Configure = configure;
        KestrelPort = kestrelPort;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            if (kestrelPort is int port)
            {
                builder.UseUrls($"http://127.0.0.1:{port}");
            }

            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            if (configure is not null)
            {
                builder.ConfigureTestServices(configure);
            }
        });
        if (kestrelPort is not null)
        {
            _factory.UseKestrel();
        }
    }

    /// <summary>Set when the host listens on a real socket (for a browser): http://127.0.0.1:port.</summary>
    public int? KestrelPort { get; }

    public string? BaseAddress => KestrelPort is int port ? $"http://127.0.0.1:{port}" : null;

    public FakeBotApi Api { get; }

    public string DataDirectory { get; }

    public Dictionary<string, string?> Settings { get; }

    public Action<IServiceCollection>? Configure { get; }

    public IServiceProvider Services => _factory.Services;

    public Db Db => Services.GetRequiredService<Db>();

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "villagebot-tests", Guid.NewGuid().ToString("N"));

    /// <param name="kestrel">Listen on a free port of 127.0.0.1 (a browser needs a real socket); Web:PublicUrl points there.</param>
    public static async Task<BotHost> StartAsync(FakeBotApi? api, string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null, bool kestrel = false)
    {
        dataDirectory ??= NewDataDirectory();
        int? port = kestrel ? FreePort() : null;
        var all = new Dictionary<string, string?>
        {
            ["Storage:DataDirectory"] = dataDirectory,
            ["Bot:AdminIds:0"] = AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Telegram:PollingTimeoutSeconds"] = "2",

            // The problem classifier then loads or trains on its first use (tests that classify call EnsureReady
            // first), instead of every test host training and saving a model in the background.
            ["Classifier:TrainAtStartup"] = "false",
            ["Jobs:WorkerCount"] = "2",
            ["Jobs:PollingIntervalMs"] = "100",
            ["Jobs:DispatchIntervalMs"] = "50",
        };
        if (api is not null)
        {
            all["Telegram:BotToken"] = FakeBotApi.Token;
            all["Telegram:ApiBaseUrl"] = api.BaseUrl;
        }

        if (port is int p)
        {
            all["Web:PublicUrl"] = $"http://127.0.0.1:{p}";
        }

        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var host = new BotHost(api!, dataDirectory, all, configure, port);
        await host.WaitReadyAsync();
        return host;
    }

    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task WaitReadyAsync()
    {
        if (KestrelPort is null)
        {
            _ = _factory.Server;
        }
        else
        {
            _factory.StartServer();
        }

        var status = Services.GetRequiredService<BotStatus>();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!status.Ready)
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException("The bot did not become ready.");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>Waits until every received update has been handled.</summary>
    public async Task IdleAsync()
    {
        var dispatcher = Services.GetRequiredService<UpdateDispatcher>();
        var until = DateTime.UtcNow.AddSeconds(20);
        while (Api is not null && Api.WebhookUrl is null && dispatcher.HighestSeenUpdateId < Api.LastInjectedId && DateTime.UtcNow < until)
        {
            await Task.Delay(5);
        }

        await dispatcher.WhenIdleAsync(TimeSpan.FromSeconds(20));
    }

    /// <summary>Stops this host and starts a new one on the same data, like a process restart.</summary>
    public async Task<BotHost> RestartAsync()
    {
        await DisposeAsync();
        var host = new BotHost(Api, DataDirectory, Settings, Configure, KestrelPort);
        await host.WaitReadyAsync();
        return host;
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
    }
}
