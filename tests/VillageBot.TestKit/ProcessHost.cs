using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;

namespace VillageBot.TestKit;

/// <summary>
/// The built VillageBot program as a real child process, so tests can kill it (not a graceful stop) and start
/// it again on the same data directory.
/// </summary>
public sealed class ProcessHost : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private int _disposed;

    private ProcessHost(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string BaseUrl => $"http://127.0.0.1:{Port}";

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public bool HasExited => _process.HasExited;

    public int ProcessId => _process.Id;

    /// <param name="listenHost">The address the program is told to listen on; the test always reaches it through 127.0.0.1.</param>
    public static async Task<ProcessHost> StartAsync(FakeBotApi? api, string dataDirectory, IDictionary<string, string?>? settings = null, string listenHost = "127.0.0.1")
    {
        // A port found free can be taken by another test's server before the program binds it: the program then stops
        // at start-up ("address already in use") and is started again on another port.
        for (var attempt = 1; ; attempt++)
        {
            var host = Start(api, dataDirectory, settings, listenHost, FreePort());
            try
            {
                await host.WaitReadyAsync(TimeSpan.FromSeconds(60));
                return host;
            }
            catch (InvalidOperationException) when (attempt < 5 && host.HasExited && host.Output.Contains("address already in use", StringComparison.OrdinalIgnoreCase))
            {
                await host.DisposeAsync();
            }
            catch
            {
                await host.DisposeAsync();
                throw;
            }
        }
    }

    private static ProcessHost Start(FakeBotApi? api, string dataDirectory, IDictionary<string, string?>? settings, string listenHost, int port)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "VillageBot.dll");
        var info = new ProcessStartInfo("dotnet", [dll])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        info.Environment["ASPNETCORE_URLS"] = $"http://{listenHost}:{port}";
        info.Environment["Storage__DataDirectory"] = dataDirectory;
        info.Environment["Bot__AdminIds__0"] = BotHost.AdminId.ToString(CultureInfo.InvariantCulture);
        info.Environment["Telegram__PollingTimeoutSeconds"] = "2";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Classifier__TrainAtStartup"] = "false";

        // As in BotHost: "now" at night must not turn into the quiet-hours question on the wall clock.
        info.Environment["Broadcast__AskInQuietHours"] = "false";
        if (api is not null)
        {
            info.Environment["Telegram__BotToken"] = FakeBotApi.Token;
            info.Environment["Telegram__ApiBaseUrl"] = api.BaseUrl;
        }

        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("Could not start VillageBot.");
        var host = new ProcessHost(process, port);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return host;
    }

    /// <summary>Kills the process and everything it started, like a power cut or kill -9.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    /// <summary>Kills the process if it still runs; a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        Kill();
        _process.Dispose();
        await Task.CompletedTask;
    }

    private async Task WaitReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                // Waits for the rest of its output too.
                _process.WaitForExit();
                throw new InvalidOperationException($"VillageBot exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                var response = await http.GetAsync($"{BaseUrl}/healthz");
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"VillageBot was not ready within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
