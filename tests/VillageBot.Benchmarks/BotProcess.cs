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
            ["Logging__LogLevel__Default"] = "Warning",
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
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return new BotProcess(process);
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

    private static void Log(string? line)
    {
        if (!string.IsNullOrWhiteSpace(line) && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("error", StringComparison.OrdinalIgnoreCase)))
        {
            Console.Error.WriteLine("    bot: " + line);
        }
    }
}
