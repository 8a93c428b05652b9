using VillageBot.Cli;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// <c>check-quizzes [--data PATH]</c>: checks the quiz files as the bot does at start-up and prints what it
/// found per phase, so content writers can check their work without starting the bot.
/// </summary>
public static class QuizContentCli
{
    public static Task<int> RunAsync(string[] args)
    {
        var data = CommandLine.Option(args, "--data") ?? Path.Combine(AppContext.BaseDirectory, "data");
        var folder = Path.Combine(Path.GetFullPath(data), "quizzes");
        try
        {
            var catalog = QuizCatalog.Load(folder);
            foreach (var m in catalog.Modules)
            {
                Console.WriteLine($"{m.FileName,-36} {m.Phase,-10} {m.Kind,-10} {m.Audience,-9} {m.Items.Count,3} questions  topics: {string.Join(", ", m.Topics)}");
            }

            foreach (var phase in QuizPhases.All)
            {
                var inPhase = catalog.Modules.Where(m => m.Phase == phase).ToList();
                Console.WriteLine($"{phase}: {inPhase.Count} modules, {inPhase.Sum(m => m.Items.Count)} questions");
            }

            Console.WriteLine($"OK: {catalog.Modules.Count} modules, {catalog.QuestionCount} questions in {folder}");
            return Task.FromResult(catalog.Modules.Count == 0 ? 1 : 0);
        }
        catch (QuizContentException e)
        {
            Console.Error.WriteLine(e.Message);
            return Task.FromResult(1);
        }
    }
}
