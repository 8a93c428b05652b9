namespace VillageBot.Cli;

/// <summary>The list of command-line commands.</summary>
internal static class CliCommands
{
    public static void RegisterAll()
    {
        Features.Questions.QuestionsCli.Register();
        Features.FreeText.IntentCli.Register();
        Features.Reports.Classification.ClassifierCommands.Register();
        CommandLine.Register("check-quizzes", Features.Quizzes.QuizContentCli.RunAsync);
    }
}
