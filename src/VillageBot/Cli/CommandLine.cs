using System.CommandLine;
using System.CommandLine.Invocation;

namespace VillageBot.Cli;

/// <summary>
/// Commands run from the command line instead of the bot (no Telegram token needed):
/// <c>dotnet run --project src/VillageBot -- NAME [options]</c>; <c>--help</c> lists them and <c>NAME --help</c>
/// describes one. Each area defines its own with System.CommandLine. "--Section:Key value" pairs anywhere set
/// configuration (<see cref="CliConfiguration"/>) and are not options of the command. Bad input writes the
/// command's "Usage: …" line and what was wrong to standard error and exits with <see cref="BadInput"/>.
/// </summary>
public static class CommandLine
{
    public const int BadInput = 2;

    /// <summary>Every command, each defined by its area and run with these streams and settings.</summary>
    public static RootCommand Root(CliIO io) => new("VillageBot from the command line. Without a command the bot starts.")
    {
        Features.Questions.QuestionsCli.Ask(io),
        Features.Questions.QuestionsCli.Evaluate(io),
        Features.FreeText.IntentCli.Intent(io),
        Features.FreeText.IntentCli.Evaluate(io),
        Features.Reports.Classification.ClassifierCommands.Train(io),
        Features.Reports.Classification.ClassifierCommands.Classify(io),
        Features.Quizzes.QuizContentCli.Check(io),
        Infrastructure.Storage.StorageCli.Migrate(io),
    };

    /// <summary>Whether the arguments ask for a command (or help, or completions) rather than the bot.</summary>
    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "--help" or "-h" or "-?" || args[0].StartsWith("[suggest", StringComparison.Ordinal)
            || Root(CliIO.Console(new Dictionary<string, string?>())).Subcommands.Any(c => c.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)));

    public static Task<int> RunAsync(string[] args) => RunAsync(args, CliIO.Console(new Dictionary<string, string?>()));

    /// <summary>Runs the command named first in <paramref name="args"/> (or the help asked for).</summary>
    public static Task<int> RunAsync(string[] args, CliIO io) => RunAsync(Root, args, io);

    /// <summary>Runs a command with these arguments (for one command alone, without its name).</summary>
    public static Task<int> RunAsync(Func<CliIO, Command> command, string[] args, CliIO io)
    {
        var (settings, rest) = CliConfiguration.Split(args);
        foreach (var (key, value) in io.Settings)
        {
            settings.TryAdd(key, value);
        }

        return InvokeAsync(command(io with { Settings = settings }), rest, io.Output, io.Error);
    }

    /// <summary>Writes the command's usage line and why, and gives the exit code of bad input.</summary>
    public static int Refuse(ParseResult parsed, TextWriter errors, string? why = null)
    {
        errors.WriteLine(UsageOf(parsed.CommandResult.Command));
        if (why is not null)
        {
            errors.WriteLine(why);
        }

        return BadInput;
    }

    private static async Task<int> InvokeAsync(Command command, string[] args, TextWriter output, TextWriter errors)
    {
        // Command names were never case-sensitive.
        if (args.Length > 0 && command.Subcommands.FirstOrDefault(c => c.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) is { } named)
        {
            args = [named.Name, .. args[1..]];
        }

        var parsed = command.Parse(args);
        if (parsed.Action is ParseErrorAction)
        {
            errors.WriteLine(UsageOf(parsed.CommandResult.Command));
            foreach (var error in parsed.Errors)
            {
                errors.WriteLine(error.Message);
            }

            return BadInput;
        }

        // A command's own failures end it as they always did, not as System.CommandLine's generic message.
        return await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = errors, EnableDefaultExceptionHandler = false });
    }

    private static string UsageOf(Command command) =>
        command is CliCommand { Usage: var usage } ? usage : $"Usage: {command.Name} COMMAND [options]   (--help lists them)";
}

/// <summary>A command with the one-line usage shown when its input is bad.</summary>
public sealed class CliCommand(string name, string description, string usage) : Command(name, description)
{
    public string Usage { get; } = usage;
}

/// <summary>What a command runs with: standard input, output and error, and the settings given as "--Section:Key value".</summary>
public sealed record CliIO(TextReader Input, TextWriter Output, TextWriter Error, IReadOnlyDictionary<string, string?> Settings)
{
    public static CliIO Console(IReadOnlyDictionary<string, string?> settings) => new(System.Console.In, System.Console.Out, System.Console.Error, settings);

    /// <summary>appsettings.json, environment variables, then these settings.</summary>
    public IConfiguration Configuration() => CliConfiguration.Build(Settings);
}

public static class CliOptions
{
    /// <summary>Accepts a file that exists, or "-" for standard input.</summary>
    public static Option<string> AcceptExistingOrDash(this Option<string> option)
    {
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } path && path != "-" && !File.Exists(path))
            {
                result.AddError($"No file {path}.");
            }
        });
        return option;
    }
}
