using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Npgsql;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>
/// The same village of 100,000 residents and 30,000 reports on each storage provider (LiteDB, then PostgreSQL with
/// fsync on, as production runs it), the built bot as a real process at the production log level: start-up, the
/// inbound mixed load (as in <see cref="InboundBenchmark"/>), 200 residents going through the report dialog at once
/// until each report is saved, memory, the admin's /web/reports page and CSV export, and how long a broadcast to all
/// 100,000 takes to plan (from "send" to the first resident's message).
/// PostgreSQL: the cluster of <c>VILLAGEBOT_TEST_PG</c>, or a throwaway one started by <c>scripts/pg-test-cluster.sh</c>.
/// </summary>
public sealed partial class StorageBenchmark : IBenchmarkSection
{
    private const int Residents = 100_000;
    private const int Reports = 30_000;
    private const long FirstResident = 3_000_000;
    private const int Dialogs = 200;

    // The inbound load is the inbound section's.
    private const int BurstUpdates = InboundBenchmark.BurstUpdates;
    private const int PacedUpdates = InboundBenchmark.PacedUpdates;
    private const int WarmUpUpdates = InboundBenchmark.WarmUpUpdates;

    public string Name => "storage";

    public string Description => $"{Residents:N0} residents and {Reports:N0} reports on LiteDB and on PostgreSQL: start-up, inbound load, report dialogs, memory, web page, CSV, broadcast planning";

    public async Task RunAsync(Figures figures, CancellationToken ct)
    {
        var lite = await RunProviderAsync("litedb", null, figures, ct);
        var (connection, stopCluster) = await PostgreSqlAsync(ct);
        try
        {
            var pg = await RunProviderAsync("pg", connection, figures, ct);
            figures.Add("storage_pg_inbound_ratio_vs_litedb", Math.Round(pg / lite, 3), "", "PostgreSQL's inbound rate ÷ LiteDB's (goal ≥ 0.5)");
        }
        finally
        {
            await stopCluster();
        }
    }

    /// <summary>One provider's figures, prefixed with its name; returns the inbound rate.</summary>
    private static async Task<double> RunProviderAsync(string provider, string? serverConnection, Figures figures, CancellationToken ct)
    {
        var prefix = "storage_" + provider + "_";
        var data = Path.Combine(Path.GetTempPath(), "villagebot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        var port = FreePort();
        var web = $"http://127.0.0.1:{port}";
        var settings = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = web,
            ["Web:PublicUrl"] = web,
            ["Logging:LogLevel:Default"] = "Information",

            // "Now" at night must not turn into the quiet-hours question.
            ["Broadcast:AskInQuietHours"] = "false",
        };
        string? database = null;
        var seedClock = Stopwatch.StartNew();
        int village;
        if (serverConnection is null)
        {
            using var db = new LiteDbStore(Options.Create(new StorageOptions { DataDirectory = data }));
            village = Seed(db);
        }
        else
        {
            database = "bench_" + Guid.NewGuid().ToString("N")[..12];
            await using (var server = new NpgsqlConnection(serverConnection))
            {
                await server.OpenAsync(ct);
                await using var create = new NpgsqlCommand($"CREATE DATABASE {database}", server);
                await create.ExecuteNonQueryAsync(ct);
            }

            var connection = new NpgsqlConnectionStringBuilder(serverConnection) { Database = database }.ConnectionString;
            using (var db = new PostgreSqlStore(connection))
            {
                village = Seed(db);
            }

            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:ConnectionString"] = connection;
        }

        Console.WriteLine($"  ({provider}: {Residents:N0} residents and {Reports:N0} reports written in {seedClock.Elapsed.TotalSeconds:0.0} s)");
        await using (var prepareApi = await FakeBotApi.StartAsync())
        {
            await BotProcess.PrepareAsync(prepareApi, data, settings, ct);
        }

        var texts = InboundBenchmark.Texts.Load();
        var burst = InboundBenchmark.Mix(texts, BurstUpdates, FirstResident, seed: 1);
        var paced = InboundBenchmark.Mix(texts, PacedUpdates, FirstResident + BurstUpdates, seed: 2);
        var warmUp = InboundBenchmark.Mix(texts, WarmUpUpdates, FirstResident + BurstUpdates + PacedUpdates, seed: 3);
        BotProcess? bot = null;
        double startupMs = 0;
        try
        {
            var outcome = await InboundBenchmark.MeasureAsync(
                async api =>
                {
                    (bot, startupMs) = await BotProcess.StartReadyAsync(api, data, settings, ct);
                    return bot;
                },
                warmUp,
                burst,
                paced,
                ct,
                afterLoad: async api =>
                {
                    figures.Add(prefix + "rss_mb", Math.Round(InboundBenchmark.RssMb(bot!.Id), 1), "MB", "VmRSS after the inbound load (goal ≤ 400)");
                    await DialogsAsync(api, texts, prefix, figures, ct);
                    await WebAsync(api, web, prefix, figures, ct);
                    figures.Add(prefix + "rss_mb_after_web", Math.Round(InboundBenchmark.RssMb(bot!.Id), 1), "MB", "VmRSS right after the dialogs, pages and CSV exports");

                    // What the process keeps once the work is over: a little longer than Storage:CacheTrimIntervalSeconds,
                    // within which LiteDB lets its page cache go.
                    await Task.Delay(TimeSpan.FromSeconds(65), ct);
                    figures.Add(prefix + "rss_mb_idle", Math.Round(InboundBenchmark.RssMb(bot!.Id), 1), "MB", "VmRSS 65 s later, nothing asked of the bot meanwhile (goal ≤ 400)");
                    await PlanBroadcastAsync(api, village, prefix, figures, ct);
                });
            figures.Add(prefix + "startup_ms", Math.Round(startupMs), "ms", "process start to receiving updates, models trained at an earlier start (goal ≤ 3000)");
            figures.Add(prefix + "inbound_rate", Math.Round(outcome.Rate, 1), "upd/s", $"{BurstUpdates:N0} mixed updates at once");
            figures.Add(prefix + "inbound_p50_ms", Math.Round(outcome.P50, 1), "ms", "paced at 40/s");
            figures.Add(prefix + "inbound_p99_ms", Math.Round(outcome.P99, 1), "ms");
            figures.Add(prefix + "inbound_unanswered", outcome.Unanswered, "", "goal 0");
            return outcome.Rate;
        }
        finally
        {
            if (database is not null)
            {
                NpgsqlConnection.ClearAllPools();
                await using var server = new NpgsqlConnection(serverConnection);
                await server.OpenAsync(CancellationToken.None);
                await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {database} WITH (FORCE)", server);
                await drop.ExecuteNonQueryAsync(CancellationToken.None);
            }

            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>
    /// One municipality-wide village holding every resident (the broadcast's audience) and 1,000 of the reports, the
    /// other reports in 29 more villages (a new report is compared with its own village's open ones), and the admin.
    /// </summary>
    private static int Seed(IDocumentStore db)
    {
        var village = InboundBenchmark.Seed(db, Residents, Reports, villageCount: 1, FirstResident, reportVillages: 30)[0];
        var now = DateTime.UtcNow;
        var office = new Village { Code = "office", Name = "Office", CreatedAt = now };
        db.Villages.Insert(office);
        db.Residents.Insert(new Resident { Id = BotHost.AdminId, ChatId = BotHost.AdminId, FirstName = "Admin", Lang = "en", LangChosen = true, VillageId = office.Id, PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now });
        return village.Id;
    }

    /// <summary>Residents who had no update in the inbound load report a problem at once, each until it is saved.</summary>
    private static async Task DialogsAsync(FakeBotApi api, InboundBenchmark.Texts texts, string prefix, Figures figures, CancellationToken ct)
    {
        var first = FirstResident + BurstUpdates + PacedUpdates + WarmUpUpdates;
        var emergencies = 0;
        var clock = Stopwatch.StartNew();
        var durations = await Task.WhenAll(Enumerable.Range(0, Dialogs).Select(async i =>
        {
            var user = new FakeUser(api, first + i, (i % 3) switch { 0 => "lv", 1 => "en", _ => "ru" }) { Timeout = TimeSpan.FromMinutes(2) };
            var own = Stopwatch.StartNew();
            user.Send("/report " + texts.Problems[(i * 7) % texts.Problems.Count]);
            for (var step = 0; step < 10; step++)
            {
                BotEvent next;
                try
                {
                    next = await user.ExpectAsync(e => Saved(e) || Emergency(e) || e.HasButton("rep:new") || e.HasButton("rep:skip") || e.HasButton("rep:ok") || e.HasButton("rep:anon:0"));
                }
                catch (TimeoutException e)
                {
                    throw new TimeoutException($"Resident {user.Id} waited in vain at step {step}; its chat:\n{string.Join('\n', api.Events(user.Id).TakeLast(8))}", e);
                }

                if (Saved(next))
                {
                    return own.Elapsed.TotalMilliseconds;
                }

                // A text that reads as an emergency (a fire) is answered with 112 and not saved: that dialog is over.
                if (Emergency(next))
                {
                    Interlocked.Increment(ref emergencies);
                    return own.Elapsed.TotalMilliseconds;
                }

                user.ClickData(next.MessageId, new[] { "rep:new", "rep:anon:0", "rep:ok", "rep:skip" }.First(next.HasButton));
            }

            throw new InvalidOperationException($"Resident {user.Id}'s report was not saved after ten steps.");
        }));
        var total = clock.Elapsed.TotalSeconds;
        Array.Sort(durations);
        figures.Add(prefix + "dialogs_per_s", Math.Round(Dialogs / total, 1), "reports/s", $"{Dialogs} residents reporting at once, each until saved ({emergencies} told to call 112 instead)");
        figures.Add(prefix + "dialog_p50_ms", Math.Round(durations[durations.Length / 2]), "ms", "one resident's whole report dialog (4–5 steps) under that load");
    }

    private static bool Emergency(BotEvent e) => e.Method == "sendMessage" && e.Text?.Contains("112", StringComparison.Ordinal) == true && e.Text.StartsWith("🚨", StringComparison.Ordinal);

    private static bool Saved(BotEvent e) => e.Method == "sendMessage" && e.Text?.Contains("/myreports", StringComparison.Ordinal) == true && ReferencePattern().IsMatch(e.Text);

    /// <summary>The admin signs in through /web; the reports page (30,000 reports) and the CSV export, median of five and of three.</summary>
    private static async Task WebAsync(FakeBotApi api, string web, string prefix, Figures figures, CancellationToken ct)
    {
        var admin = new FakeUser(api, BotHost.AdminId, "en") { Timeout = TimeSpan.FromSeconds(30) };
        admin.Send("/web");
        var reply = await admin.ExpectAsync(e => e.Text?.Contains("/web/login?t=", StringComparison.Ordinal) == true);
        var link = LinkPattern().Match(reply.Text!).Value;
        using var handler = new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(web), Timeout = TimeSpan.FromMinutes(2) };
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        var page = await http.GetStringAsync(link, ct);
        var form = FormPattern().Match(page);
        var fields = HiddenPattern().Matches(form.Value).ToDictionary(m => m.Groups["n"].Value, m => WebUtility.HtmlDecode(m.Groups["v"].Value));
        using var signedIn = await http.PostAsync(form.Groups["a"].Value, new FormUrlEncodedContent(fields), ct);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException("Web sign-in failed: " + signedIn.StatusCode);
        }

        var pageMs = new List<double>();
        for (var i = 0; i < 5; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("/web/reports", ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            pageMs.Add(clock.Elapsed.TotalMilliseconds);
            if (response.StatusCode != HttpStatusCode.OK || !ReferencePattern().IsMatch(body))
            {
                throw new InvalidOperationException("/web/reports answered " + response.StatusCode);
            }
        }

        var csvMs = new List<double>();
        var lines = 0;
        for (var i = 0; i < 3; i++)
        {
            var clock = Stopwatch.StartNew();
            using var response = await http.GetAsync("/web/reports.csv", ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            csvMs.Add(clock.Elapsed.TotalMilliseconds);
            lines = body.Count(c => c == '\n');
        }

        pageMs.Sort();
        csvMs.Sort();
        figures.Add(prefix + "web_reports_page_ms", Math.Round(pageMs[2], 1), "ms", "/web/reports as the admin, median of five");
        figures.Add(prefix + "csv_export_ms", Math.Round(csvMs[1]), "ms", $"/web/reports.csv, {lines:N0} lines, median of three");
    }

    /// <summary>The admin sends a broadcast to the village of 100,000; from "send" to the first resident's message.</summary>
    private static async Task PlanBroadcastAsync(FakeBotApi api, int village, string prefix, Figures figures, CancellationToken ct)
    {
        var admin = new FakeUser(api, BotHost.AdminId, "en") { Timeout = TimeSpan.FromSeconds(60) };
        var before = api.LastSeq;
        await BroadcastBenchmark.ComposeBroadcastAsync(admin, village);
        var clock = Stopwatch.StartNew();
        admin.Click("bc:send");
        await BroadcastBenchmark.WaitUntilAsync(() => api.Events().Any(e => e.Seq > before && e.ChatId >= FirstResident && e.Text?.Contains("community house", StringComparison.Ordinal) == true), TimeSpan.FromMinutes(3), ct);
        figures.Add(prefix + "broadcast_plan_ms", Math.Round(clock.Elapsed.TotalMilliseconds), "ms", $"a broadcast to {Residents:N0}: from \"send\" to the first resident's message");
    }

    /// <summary>The cluster named by VILLAGEBOT_TEST_PG, or a throwaway one with fsync on, and how to stop it.</summary>
    private static async Task<(string Connection, Func<Task> Stop)> PostgreSqlAsync(CancellationToken ct)
    {
        if (Environment.GetEnvironmentVariable("VILLAGEBOT_TEST_PG") is { Length: > 0 } given)
        {
            return (given, () => Task.CompletedTask);
        }

        var script = Path.Combine(Root(), "scripts", "pg-test-cluster.sh");
        var started = await RunAsync("bash", [script, "start"], new Dictionary<string, string> { ["VILLAGEBOT_PG_DURABLE"] = "1" }, ct);
        var connection = Regex.Match(started, "VILLAGEBOT_TEST_PG='([^']+)'").Groups[1].Value;
        var dir = Regex.Match(started, "VILLAGEBOT_TEST_PG_DIR='([^']+)'").Groups[1].Value;
        if (connection.Length == 0 || dir.Length == 0)
        {
            throw new InvalidOperationException("Could not start a PostgreSQL cluster: " + started);
        }

        return (connection, async () => await RunAsync("bash", [script, "stop", dir], [], CancellationToken.None));
    }

    private static async Task<string> RunAsync(string file, string[] args, Dictionary<string, string> env, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file, args) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        using var process = Process.Start(info)!;
        var output = await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($"{file} {string.Join(' ', args)} exited with {process.ExitCode}");
    }

    private static string Root()
    {
        var dir = new DirectoryInfo(Path.GetDirectoryName(BotProcess.ProgramPath())!);
        while (!File.Exists(Path.Combine(dir.FullName, "VillageBot.sln")))
        {
            dir = dir.Parent ?? throw new InvalidOperationException("VillageBot.sln not found");
        }

        return dir.FullName;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"/web/login\?t=[A-Za-z0-9_-]+&lang=[a-z]{2}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<form method=\"post\" action=\"(?<a>[^\"]+)\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]*)\"\\s*/?>")]
    private static partial Regex HiddenPattern();

    [GeneratedRegex(@"R-\d{4,}")]
    private static partial Regex ReferencePattern();
}
