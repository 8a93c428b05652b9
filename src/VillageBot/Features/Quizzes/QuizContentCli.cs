using System.CommandLine;
using VillageBot.Cli;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// <c>check-quizzes [--data PATH]</c>: checks the quiz files as the bot does at start-up and prints what it
/// found per phase, so content writers can check their work without starting the bot.
/// </summary>
public static class QuizContentCli
{
    private static readonly Option<string> Data = new("--data") { Description = "The content folder that holds quizzes/", HelpName = "PATH", DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "data") };

    public static Command Check(CliIO io)
    {
        var command = new CliCommand("check-quizzes", "Checks the quiz files as the bot does at start-up", "Usage: check-quizzes [--data PATH]")
        {
            Data,
        };
        command.SetAction(parsed => Run(parsed.GetValue(Data)!, io.Output, io.Error));
        return command;
    }

    private static int Run(string data, TextWriter output, TextWriter errors)
    {
        var folder = Path.Combine(Path.GetFullPath(data), "quizzes");
        try
        {
            var catalog = QuizCatalog.Load(folder);
            foreach (var m in catalog.Modules)
            {
                output.WriteLine($"{m.FileName,-36} {m.Phase,-10} {m.Kind,-10} {m.Audience,-9} {m.Items.Count,3} questions  topics: {string.Join(", ", m.Topics)}");
            }

            foreach (var phase in QuizPhases.All)
            {
                var inPhase = catalog.Modules.Where(m => m.Phase == phase).ToList();
                output.WriteLine($"{phase}: {inPhase.Count} modules, {inPhase.Sum(m => m.Items.Count)} questions");
            }

            output.WriteLine($"OK: {catalog.Modules.Count} modules, {catalog.QuestionCount} questions in {folder}");
            return catalog.Modules.Count == 0 ? 1 : 0;
        }
        catch (QuizContentException e)
        {
            errors.WriteLine(e.Message);
            return 1;
        }
    }
}
