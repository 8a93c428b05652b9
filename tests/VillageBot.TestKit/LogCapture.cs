using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace VillageBot.TestKit;

/// <summary>Collects warnings and errors the host logs, so tests can assert that nothing failed unhandled.</summary>
public sealed class LogCapture : ILoggerProvider
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message, Exception? Exception)> Entries { get; } = new();

    public IEnumerable<(LogLevel Level, string Category, string Message, Exception? Exception)> Errors =>
        Entries.Where(e => e.Level >= LogLevel.Error);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(LogCapture owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (IsEnabled(logLevel))
            {
                owner.Entries.Enqueue((logLevel, category, formatter(state, exception), exception));
            }
        }
    }
}
