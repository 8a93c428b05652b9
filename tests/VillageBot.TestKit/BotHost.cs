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

    private BotHost(FakeBotApi api, string dataDirectory, Dictionary<string, string?> settings, Action<IServiceCollection>? configure)
    {
        Api = api;
        DataDirectory = dataDirectory;
        Settings = settings;
        Configure = configure;
        _factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
            if (configure is not null)
            {
                builder.ConfigureTestServices(configure);
            }
        });
    }

    public FakeBotApi Api { get; }

    public string DataDirectory { get; }

    public Dictionary<string, string?> Settings { get; }

    public Action<IServiceCollection>? Configure { get; }

    public IServiceProvider Services => _factory.Services;

    public Db Db => Services.GetRequiredService<Db>();

    public static string NewDataDirectory() => Path.Combine(Path.GetTempPath(), "villagebot-tests", Guid.NewGuid().ToString("N"));

    public static async Task<BotHost> StartAsync(FakeBotApi? api, string? dataDirectory = null, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? configure = null)
    {
        dataDirectory ??= NewDataDirectory();
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

        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        var host = new BotHost(api!, dataDirectory, all, configure);
        await host.WaitReadyAsync();
        return host;
    }

    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    public async Task WaitReadyAsync()
    {
        _ = _factory.Server;
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
        return await StartAsync(Api, DataDirectory, Settings, Configure);
    }

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
    }
}
