namespace VillageBot.Cli;

/// <summary>
/// Configuration for command-line commands, read like the host reads it: appsettings.json (next to the program, then
/// in the working directory), environment variables (Storage__DataDirectory) and "--Section:Key value" (or "=value") arguments.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Build(IReadOnlyDictionary<string, string?> settings) => new ConfigurationBuilder()
        .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
        .AddEnvironmentVariables()
        .AddInMemoryCollection(settings)
        .Build();

    /// <summary>The "--Section:Key value" and "--Section:Key=value" settings, and the other arguments in their order.</summary>
    public static (Dictionary<string, string?> Settings, string[] Others) Split(string[] args)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        var rest = new List<string>();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var key = !arg.StartsWith("--", StringComparison.Ordinal) ? "" : equals > 0 ? arg[2..equals] : arg[2..];
            if (!key.Contains(':', StringComparison.Ordinal))
            {
                rest.Add(arg);
            }
            else if (equals > 0)
            {
                settings[key] = arg[(equals + 1)..];
            }
            else if (i + 1 < args.Length)
            {
                settings[key] = args[++i];
            }
            else
            {
                rest.Add(arg);
            }
        }

        return (settings, [.. rest]);
    }

    public static T Options<T>(this IConfiguration configuration, string section)
        where T : new()
    {
        var options = new T();
        configuration.GetSection(section).Bind(options);
        return options;
    }

    /// <summary>Logs go to standard error, so a command's standard output stays clean for its results.</summary>
    public static ILoggerFactory StandardErrorLogging() => LoggerFactory.Create(b => b
        .SetMinimumLevel(LogLevel.Information)
        .AddSimpleConsole(o => o.SingleLine = true)
        .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace));
}
