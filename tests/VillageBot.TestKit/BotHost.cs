using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using VillageBot.Features.Groups;
using VillageBot.Infrastructure.Jobs;
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
    private readonly Func<Task> _idleProbe;

    private BotHost(FakeBotApi api, string dataDirectory, Dictionary<string, string?> settings, Action<IServiceCollection>? configure, int? kestrelPort)
    {
        Api = api;
        DataDirectory = dataDirectory;
        Settings = settings;
        Configure = configure;
        KestrelPort = kestrelPort;
        _idleProbe = () => IdleAsync();
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

            builder.ConfigureLogging(l =>
            {
                l.SetMinimumLevel(LogLevel.Warning);
                if (FileLog.Requested is { } requested)
                {
                    l.AddProvider(new FileLog(FileLog.PathFor(dataDirectory), requested));
                    l.AddFilter<FileLog>(null, requested);
                }
            });
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

    /// <summary>The PostgreSQL database StartAsync made for this host (VILLAGEBOT_TEST_STORAGE); a restart keeps it.</summary>
    private string? _ownDatabase;

    public Action<IServiceCollection>? Configure { get; }

    public IServiceProvider Services => _factory.Services;

    public IDocumentStore Db => Services.GetRequiredService<IDocumentStore>();

    /// <summary>VILLAGEBOT_TEST_STORAGE=PostgreSql runs every test host on a database of its own in the cluster of VILLAGEBOT_TEST_PG.</summary>
    public const string StorageVariable = "VILLAGEBOT_TEST_STORAGE";

    private static readonly Lazy<PostgreSqlCluster> PostgreSql = new(() =>
        Environment.GetEnvironmentVariable(PostgreSqlCluster.Variable) is { Length: > 0 }
            ? new PostgreSqlCluster()
            : throw new InvalidOperationException($"{StorageVariable}=PostgreSql needs {PostgreSqlCluster.Variable} (eval \"$(scripts/pg-test-cluster.sh start)\")."));

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

            // Tests run on the wall clock; "now" at night would otherwise ask about the quiet hours first. The
            // quiet-hours tests switch it back on with a fake clock.
            ["Broadcast:AskInQuietHours"] = "false",
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

        string? database = null;
        if (Environment.GetEnvironmentVariable(StorageVariable) == nameof(StorageProvider.PostgreSql))
        {
            database = PostgreSql.Value.NewDatabase();
            all["Storage:Provider"] = nameof(StorageProvider.PostgreSql);
            all["Storage:ConnectionString"] = database;
        }

        foreach (var (k, v) in settings ?? new Dictionary<string, string?>())
        {
            all[k] = v;
        }

        // A free port is found by binding to port 0 and letting it go; another process can take it before the host
        // binds it ("address already in use"), so such a start is made again on another free port.
        for (var attempt = 1; ; attempt++)
        {
            var host = new BotHost(api!, dataDirectory, all, configure, port);
            host._ownDatabase = database is not null && all["Storage:ConnectionString"] == database ? database : null;
            try
            {
                await host.WaitReadyAsync();
                return host;
            }
            catch (Exception e) when (port is not null && attempt < 5 && AddressInUse(e))
            {
                host._ownDatabase = null;
                try
                {
                    await host.DisposeAsync();
                }
                catch (Exception disposing) when (disposing is not OutOfMemoryException)
                {
                    // The host never started; what its disposal fails on is of no use to the next attempt.
                }

                port = FreePort();
                all["Web:PublicUrl"] = $"http://127.0.0.1:{port}";
            }
        }
    }

    private static bool AddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Microsoft.AspNetCore.Connections.AddressInUseException or System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.AddressAlreadyInUse })
            {
                return true;
            }
        }

        return false;
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

        if (Api is not null)
        {
            Api.IdleProbe = _idleProbe;
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

        // Free text waits for the intent model, which trains once per test process (and longer on a busy machine than
        // one reply is waited for); the host counts as ready once it is there. Content without intent examples (some
        // tests point the bot at a data path of their own) leaves the model to the bot's own handling, as at start-up.
        try
        {
            await Task.Run(Services.GetRequiredService<VillageBot.Features.FreeText.IntentDetector>().EnsureReady).WaitAsync(TimeSpan.FromMinutes(3));
        }
        catch (IOException)
        {
        }
    }

    /// <summary>How long <see cref="IdleAsync"/> waits before it fails.</summary>
    public static TimeSpan IdleTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Waits until the bot has nothing left to do: every injected update received and handled, every Bot API call
    /// answered, and no job running or due by the bot's clock (a moved fake clock included). Holds for two looks in
    /// a row with nothing sent in between. Throws <see cref="TimeoutException"/> naming what is still pending.
    /// </summary>
    public async Task IdleAsync(TimeSpan? timeout = null)
    {
        var limit = timeout ?? IdleTimeout;
        var until = DateTime.UtcNow + limit;
        var quietLooks = 0;
        var lastSeq = -1L;
        while (true)
        {
            var pending = Pending();
            var seq = Api?.LastSeq ?? 0;
            quietLooks = pending.Count == 0 && (quietLooks == 0 || seq == lastSeq) ? quietLooks + 1 : 0;
            lastSeq = seq;
            if (quietLooks >= 2)
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The bot was not idle within {limit}; still pending: {string.Join("; ", pending)}");
            }

            await Task.Delay(10);
        }
    }

    /// <summary>What the bot still has to do, upstream first (an update in hand may schedule a job; a job may call the API).</summary>
    private List<string> Pending()
    {
        var pending = new List<string>();
        var dispatcher = Services.GetRequiredService<UpdateDispatcher>();
        if (Api is not null && Api.WebhookUrl is null && Api.AcknowledgedId < Api.LastInjectedId)
        {
            pending.Add($"updates up to {Api.LastInjectedId} injected, confirmed by the bot up to {Api.AcknowledgedId}");
        }

        if (dispatcher.InFlight > 0)
        {
            pending.Add($"{dispatcher.InFlight} updates being handled");
        }

        pending.AddRange(Services.GetRequiredService<JobBacklog>().Pending());

        if (Services.GetRequiredService<GroupOutbox>().Waiting is var waiting and > 0)
        {
            pending.Add($"{waiting} group messages waiting for their group's turn");
        }

        if (Api?.RequestsInFlight is int calls and > 0)
        {
            pending.Add($"{calls} Bot API calls unanswered");
        }

        return pending;
    }

    /// <summary>Stops this host and starts a new one on the same data, like a process restart.</summary>
    public async Task<BotHost> RestartAsync()
    {
        await DisposeAsync();
        var host = new BotHost(Api, DataDirectory, Settings, Configure, KestrelPort) { _ownDatabase = _ownDatabase };
        await host.WaitReadyAsync();
        return host;
    }

    /// <summary>True when the host stores its data in PostgreSQL (VILLAGEBOT_TEST_STORAGE=PostgreSql or its own settings).</summary>
    public bool OnPostgreSql => Settings.GetValueOrDefault("Storage:Provider") == nameof(StorageProvider.PostgreSql);

    /// <summary>
    /// On PostgreSQL, every row of the host's database as text, table by table in a fixed order (what a dump would
    /// hold); null on LiteDB, whose data is the files of <see cref="DataDirectory"/>. <paramref name="schema"/> limits it
    /// to one schema (the documents: "villagebot"), <paramref name="except"/> leaves tables out.
    /// </summary>
    public string? DatabaseText(string? schema = null, params string[] except)
    {
        if (!OnPostgreSql)
        {
            return null;
        }

        using var connection = new Npgsql.NpgsqlConnection(Settings["Storage:ConnectionString"]);
        connection.Open();
        var tables = new List<(string Schema, string Name)>();
        using (var list = new Npgsql.NpgsqlCommand(
            "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2",
            connection))
        using (var reader = list.ExecuteReader())
        {
            while (reader.Read())
            {
                tables.Add((reader.GetString(0), reader.GetString(1)));
            }
        }

        var text = new System.Text.StringBuilder();
        foreach (var (tableSchema, name) in tables.Where(t => (schema is null || t.Schema == schema) && !except.Contains(t.Name)))
        {
            using var rows = new Npgsql.NpgsqlCommand($"SELECT coalesce(string_agg(t::text, E'\n' ORDER BY t::text), '') FROM \"{tableSchema}\".\"{name}\" t", connection);
            if ((string)rows.ExecuteScalar()! is { Length: > 0 } content)
            {
                // An empty table (a collection opened, never written) is no data.
                text.Append(tableSchema).Append('.').Append(name).Append(":\n").Append(content).Append("\n\n");
            }
        }

        return text.ToString();
    }

    /// <summary>
    /// Deletes what this host stored, once the test is over and the host disposed: its data directory (a test run
    /// leaves gigabytes of databases and models otherwise) and the database StartAsync made for it
    /// (VILLAGEBOT_TEST_STORAGE=PostgreSql; a few hundred test hosts would fill the cluster's folder with their copies
    /// of template1). A test may still restart a disposed host, so disposing keeps both.
    /// </summary>
    public void DeleteStorage()
    {
        if (_ownDatabase is not null)
        {
            PostgreSql.Value.DropDatabase(_ownDatabase);
        }

        try
        {
            if (Directory.Exists(DataDirectory))
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file a background thread of the disposed host still holds; the temporary folder is cleaned up later.
        }
    }

    private static int FreePort()
    {
        using var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        probe.Start();
        return ((System.Net.IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (Api is not null && Api.IdleProbe == _idleProbe)
        {
            Api.IdleProbe = null;
        }

        var services = _factory.Services;
        await StopOnceAsync(services);
        try
        {
            await _factory.DisposeAsync();
        }
        catch (Exception e) when (IsLateStopNoise(e))
        {
            // WebApplicationFactory stops a minimal-API host twice (dotnet/aspnetcore#40271); the second stop can find
            // Hangfire's server already gone and its wait cancelled. The application had stopped by then: what a test
            // checks about data surviving a stop, it checks on the next host.
        }
        finally
        {
            // A stop that failed part-way leaves the container, and with it the database files, open; a restarted
            // host opening the same files beside them would corrupt them. Disposing again is a no-op otherwise.
            if (services is IAsyncDisposable container)
            {
                await container.DisposeAsync();
            }

            // On PostgreSQL the job store's connections stay in Npgsql's pool after the host is gone; hundreds of
            // test hosts would exhaust the cluster's connections.
            if (Settings.GetValueOrDefault("Storage:ConnectionString") is { Length: > 0 } database)
            {
                Npgsql.NpgsqlConnection.ClearPool(new Npgsql.NpgsqlConnection(database));
            }
        }
    }

    /// <summary>
    /// Stops the application the way the program's own run does, once, and waits until every service has stopped (what
    /// runs last at a stop, such as the owed compaction, runs to its end). Left to WebApplicationFactory, a second stop
    /// runs beside the first and the program's run disposes the services while the first is still stopping them.
    /// </summary>
    private static async Task StopOnceAsync(IServiceProvider services)
    {
        try
        {
            var lifetime = services.GetRequiredService<Microsoft.Extensions.Hosting.IHostApplicationLifetime>();
            var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            using (lifetime.ApplicationStopped.Register(() => stopped.TrySetResult()))
            {
                lifetime.StopApplication();
                await stopped.Task.WaitAsync(TimeSpan.FromSeconds(60));
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or TimeoutException or InvalidOperationException)
        {
            // Already stopped and disposed (a second dispose), or a stop that hangs: the factory's own stop follows.
        }
    }

    private static bool IsLateStopNoise(Exception e) => e switch
    {
        OperationCanceledException or ObjectDisposedException => true,
        AggregateException a => a.InnerExceptions.All(IsLateStopNoise),
        _ => false,
    };
}
