using VillageBot.Cli;

namespace VillageBot.Tests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("ask")]
    [InlineData("EVAL-QA")]
    [InlineData("--help")]
    [InlineData("[suggest]")]
    public void Commands_help_and_completions_are_not_the_bot(string first) => Assert.True(CommandLine.IsCommand([first, "x"]));

    [Theory]
    [InlineData("")]
    [InlineData("--urls")]
    [InlineData("serve")]
    public void Anything_else_starts_the_bot(string first) =>
        Assert.False(CommandLine.IsCommand(first.Length == 0 ? [] : [first, "http://127.0.0.1:5000"]));

    [Fact]
    public async Task Help_lists_every_command()
    {
        var (code, output, errors) = await Run("--help");
        Assert.Equal(0, code);
        Assert.Equal("", errors);
        foreach (var name in new[] { "ask", "eval-qa", "intent", "eval-intent", "train", "classify", "check-quizzes" })
        {
            Assert.Contains(name, output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("classify|--bogus", "Usage: classify", "--bogus")]
    [InlineData("classify|--input", "Usage: classify", "--input")]
    [InlineData("eval-intent|--set|final", "Usage: eval-intent", "final")]
    [InlineData("check-quizzes|--data", "Usage: check-quizzes", "--data")]
    [InlineData("ask|kas ir LEADER|--lang|lv|--explainn", "Usage: ask", "--explainn")]
    public async Task An_unknown_or_incomplete_option_prints_the_usage_and_why_and_changes_nothing(string args, string usage, string named)
    {
        var (code, output, errors) = await Run(args.Split('|'));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith(usage, errors, StringComparison.Ordinal);
        Assert.Contains(named, errors, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_pairs_are_configuration_not_options()
    {
        var (settings, others) = CliConfiguration.Split(["--input", "-", "--Storage:DataDirectory", "/data", "--set", "dev", "--Ai:Provider=None", "--file=/a:b"]);
        Assert.Equal(["--input", "-", "--set", "dev", "--file=/a:b"], others);
        Assert.Equal(2, settings.Count);
        var configuration = CliConfiguration.Build(settings);
        Assert.Equal("/data", configuration["Storage:DataDirectory"]);
        Assert.Equal("None", configuration["Ai:Provider"]);
    }

    private static async Task<(int Code, string Output, string Errors)> Run(params string[] args)
    {
        var (output, errors) = (new StringWriter(), new StringWriter());
        var code = await CommandLine.RunAsync(args, new CliIO(TextReader.Null, output, errors, new Dictionary<string, string?>()));
        return (code, output.ToString(), errors.ToString());
    }
}
