namespace VillageBot.Cli;

/// <summary>
/// Commands run from the command line instead of the bot (no Telegram token needed):
/// <c>dotnet run --project src/VillageBot -- NAME [options]</c>. Each area adds its own.
/// </summary>
public static class CommandLine
{
    private static readonly Dictionary<string, Func<string[], Task<int>>> Commands = new(StringComparer.OrdinalIgnoreCase);

    public static void Register(string name, Func<string[], Task<int>> run) => Commands[name] = run;

    public static bool IsCommand(string[] args)
    {
        CliCommands.RegisterAll();
        return args.Length > 0 && Commands.ContainsKey(args[0]);
    }

    public static Task<int> RunAsync(string[] args) => Commands[args[0]](args[1..]);

    /// <summary>The value after --name, or null.</summary>
    public static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
