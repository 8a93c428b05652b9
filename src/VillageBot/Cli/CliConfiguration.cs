namespace VillageBot.Cli;

/// <summary>
/// Configuration for command-line commands, read like the host reads it: appsettings.json (next to the program, then
/// in the working directory), environment variables (Storage__DataDirectory) and "--Section:Key value" arguments.
/// </summary>
public static class CliConfiguration
{
    public static IConfiguration Build(string[] args)
    {
        var overrides = new Dictionary<string, string?>();
        for (var i = 0; i + 1 < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal) && args[i].Contains(':', StringComparison.Ordinal))
            {
                overrides[args[i][2..]] = args[++i];
            }
        }

        return new ConfigurationBuilder()
            .AddJsonFile(Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
            .AddJsonFile(Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json"), optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(overrides)
            .Build();
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
