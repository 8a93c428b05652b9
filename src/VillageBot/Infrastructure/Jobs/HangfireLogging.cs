using Hangfire.AspNetCore;
using Hangfire.Logging;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>
/// Hangfire keeps its log provider in a static. When several hosts live in one process (tests start many), the
/// static may point at a host already stopped; its disposed logger factory must not break the hosts still running.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new SafeLog(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return SafeLog.Silent;
        }
    }

    private sealed class SafeLog(ILog? inner) : ILog
    {
        public static readonly SafeLog Silent = new(null);

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner?.Log(logLevel, messageFunc, exception) ?? false;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
