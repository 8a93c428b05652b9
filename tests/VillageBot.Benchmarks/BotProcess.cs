using System.Diagnostics;
using System.Globalization;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>The built VillageBot program as a real child process, pointed at a fake Bot API on loopback.</summary>
public sealed class BotProcess : IAsyncDisposable
{
    private readonly Process _process;

    private BotProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public static string ProgramPath()
    {
        // This program runs from tests/VillageBot.Benchmarks/bin/<Configuration>/<tfm>/; the bot's own output is
        // src/VillageBot/bin/<Configuration>/<tfm>/ with its data folder next to it.
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var tfm = here.Name;
        var configuration = here.Parent!.Name;
        var root = here;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "VillageBot.sln")))
        {
            root = root.Parent;
        }

        var path = Path.Combine(root?.FullName ?? throw new InvalidOperationException("VillageBot.sln not found above " + AppContext.BaseDirectory), "src", "VillageBot", "bin", configuration, tfm, "VillageBot.dll");
        return File.Exists(path) ? path : throw new FileNotFoundException("Build the bot first", path);
    }

    public static BotProcess Start(FakeBotApi api, string dataDirectory, IDictionary<string, string> settings)
    {
        var program = ProgramPath();
        var info = new ProcessStartInfo("dotnet", [program])
        {
            WorkingDirectory = Path.GetDirectoryName(program)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var env = new Dictionary<string, string>
        {
            ["Telegram__BotToken"] = FakeBotApi.Token,
            ["Telegram__ApiBaseUrl"] = api.BaseUrl,
            ["Telegram__PollingTimeoutSeconds"] = "2",
            ["Storage__DataDirectory"] = dataDirectory,
            ["Bot__AdminIds__0"] = BotHost.AdminId.ToString(CultureInfo.InvariantCulture),
            ["ASPNETCORE_URLS"] = "http://127.0.0.1:0",
            // The production log level (appsettings.json): what an operator runs is what is measured.
            ["Logging__LogLevel__Default"] = "Information",
            ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        };
        foreach (var (k, v) in settings)
        {
            env[k.Replace(":", "__", StringComparison.Ordinal)] = v;
        }

        foreach (var (k, v) in env)
        {
            info.Environment[k] = v;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start the bot.");
        var bot = new BotProcess(process);
        process.OutputDataReceived += (_, e) =>
        {
            Log(e.Data);
            bot.Note(e.Data);
        };
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return bot;
    }

    /// <summary>Starts the bot and waits until it asks the Bot API for updates; the time that took in milliseconds.</summary>
    public static async Task<(BotProcess Bot, double StartupMs)> StartReadyAsync(FakeBotApi api, string dataDirectory, IDictionary<string, string> settings, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var bot = Start(api, dataDirectory, settings);
        while (api.CallCount("getUpdates") == 0)
        {
            await Task.Delay(5, ct);
        }

        return (bot, clock.Elapsed.TotalMilliseconds);
    }

    /// <summary>
    /// Starts the bot on this data once and waits until it has its intent model and problem classifier (trained on a
    /// new database, a minute on a busy 2-core machine), then ends it: what is measured next is a village's bot
    /// starting again, as it does after every upgrade, not its very first start.
    /// </summary>
    public static async Task PrepareAsync(FakeBotApi api, string dataDirectory, IDictionary<string, string> settings, CancellationToken ct)
    {
        await using var first = Start(api, dataDirectory, settings);
        var until = DateTime.UtcNow.AddMinutes(5);
        while (!(first.Said("intent model") && first.Said("problem classifier")))
        {
            if (DateTime.UtcNow > until || first._process.HasExited)
            {
                throw new InvalidOperationException("The bot did not get its models ready.");
            }

            await Task.Delay(100, ct);
        }

        // Stopped as an operator stops it (SIGTERM), so the next start finds its files closed.
        using (var term = Process.Start("kill", ["-TERM", first.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync(ct);
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await first._process.WaitForExitAsync(timeout.Token);
    }

    private readonly List<string> _said = [];

    /// <summary>Whether the bot has logged a line about its models containing this.</summary>
    private bool Said(string fragment)
    {
        lock (_said)
        {
            return _said.Any(l => l.Contains(fragment, StringComparison.Ordinal));
        }
    }

    private void Note(string? line)
    {
        if (line is not null && (line.Contains("Trained the", StringComparison.Ordinal) || line.Contains("Loaded the", StringComparison.Ordinal)))
        {
            lock (_said)
            {
                _said.Add(line);
            }
        }
    }

    /// <summary>Ends the process at once, as a crash would: no shutdown code runs.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Every line the bot writes goes to this file too when VILLAGEBOT_BENCH_LOG names one.</summary>
    private static readonly StreamWriter? FullLog = Environment.GetEnvironmentVariable("VILLAGEBOT_BENCH_LOG") is { Length: > 0 } path
        ? new StreamWriter(path, append: true) { AutoFlush = true }
        : null;

    private static void Log(string? line)
    {
        if (FullLog is not null && line is not null)
        {
            lock (FullLog)
            {
                FullLog.WriteLine(line);
            }
        }

        if (!string.IsNullOrWhiteSpace(line) && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("error", StringComparison.OrdinalIgnoreCase)))
        {
            Console.Error.WriteLine("    bot: " + line);
        }
    }
}
