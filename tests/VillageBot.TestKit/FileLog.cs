using Microsoft.Extensions.Logging;

namespace VillageBot.TestKit;

/// <summary>
/// With VILLAGEBOT_TEST_LOG set to a level (Debug, Information…), a test host also writes its log at that level to
/// villagebot-test-logs/(its data directory's name).log in the temporary directory, kept after the test removed its
/// data: what a host did before a wait timed out, for failures seen only on a busy machine.
/// </summary>
public sealed class FileLog(string path, LogLevel level) : ILoggerProvider
{
    public const string Variable = "VILLAGEBOT_TEST_LOG";

    private readonly Lock _gate = new();

    public static LogLevel? Requested =>
        Enum.TryParse<LogLevel>(Environment.GetEnvironmentVariable(Variable), ignoreCase: true, out var level) ? level : null;

    public static string PathFor(string dataDirectory)
    {
        var directory = Path.Combine(Path.GetTempPath(), "villagebot-test-logs");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, Path.GetFileName(dataDirectory) + ".log");
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private void Write(string line)
    {
        lock (_gate)
        {
            try
            {
                File.AppendAllText(path, line + Environment.NewLine);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The log folder was cleared while a host still runs: the line is lost, the test goes on.
            }
        }
    }

    private sealed class Logger(FileLog owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= owner.Level;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Write($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel,-11} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}");
            }
        }
    }

    private LogLevel Level => level;
}
