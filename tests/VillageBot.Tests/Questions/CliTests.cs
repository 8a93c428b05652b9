using System.Text.Json;
using VillageBot.Features.Questions;

namespace VillageBot.Tests.Questions;

public sealed class CliTests
{
    private static readonly Dictionary<string, string?> NoAi = new() { ["Ai:Provider"] = "None" };

    [Fact]
    public async Task Ask_prints_the_answer_in_the_chosen_language_and_its_sources()
    {
        var (code, output, errors) = await Run(w => QuestionsCli.AskAsync(["kā nodibināt biedrību", "--lang", "lv"], w.Out, w.Err, NoAi));
        Assert.Equal(0, code);
        Assert.Contains("statūt", output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("Avoti:", output, StringComparison.Ordinal);
        Assert.Contains("- Kā nodibināt biedrību Latvijā", output, StringComparison.Ordinal);
        Assert.Equal("", errors);
    }

    [Fact]
    public async Task Ask_with_an_input_file_writes_one_json_line_per_question()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file,
        [
            """{"q": "ka nodibinat biedribu", "lang": "lv"}""",
            """{"q": "what is CLLD", "lang": "en"}""",
            "",
            """{"q": "когда приедет автолавка", "lang": "ru"}""",
        ]);
        var (code, output, _) = await Run(w => QuestionsCli.AskAsync(["--input", file], w.Out, w.Err, NoAi));
        File.Delete(file);

        Assert.Equal(0, code);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, lines.Count);
        Assert.All(lines, l => Assert.Equal(["q", "lang", "answered", "answer", "sources"], l.EnumerateObject().Select(p => p.Name)));
        Assert.Equal("ka nodibinat biedribu", lines[0].GetProperty("q").GetString());
        Assert.True(lines[0].GetProperty("answered").GetBoolean());
        var source = lines[0].GetProperty("sources")[0];
        Assert.Equal("biedriba", source.GetProperty("id").GetString());
        Assert.Equal("Kā nodibināt biedrību Latvijā", source.GetProperty("title").GetString());
        Assert.Equal("lv", source.GetProperty("lang").GetString());
        Assert.Equal("en", lines[1].GetProperty("lang").GetString());
        Assert.Contains("community-led", lines[1].GetProperty("answer").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.False(lines[2].GetProperty("answered").GetBoolean());
        Assert.Equal(0, lines[2].GetProperty("sources").GetArrayLength());
        Assert.Contains("не знаю", lines[2].GetProperty("answer").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_input_line_is_reported_on_standard_error_and_the_others_are_still_answered()
    {
        var file = Path.GetTempFileName();
        await File.WriteAllLinesAsync(file, ["not json", """{"q": "kas ir LEADER", "lang": "xx"}""", """{"q": "kas ir LEADER"}"""]);
        var (code, output, errors) = await Run(w => QuestionsCli.AskAsync(["--input", file], w.Out, w.Err, NoAi));
        File.Delete(file);

        Assert.Equal(1, code);
        Assert.Contains(":1:", errors, StringComparison.Ordinal);
        Assert.Contains(":2:", errors, StringComparison.Ordinal);
        var line = JsonDocument.Parse(Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries))).RootElement;
        Assert.Equal("lv", line.GetProperty("lang").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("--lang|lv")]
    [InlineData("kas ir LEADER|--lang|de")]
    public async Task Ask_without_a_question_or_with_an_unknown_language_prints_usage(string args)
    {
        var (code, output, errors) = await Run(w => QuestionsCli.AskAsync(args.Split('|', StringSplitOptions.RemoveEmptyEntries), w.Out, w.Err, NoAi));
        Assert.Equal(2, code);
        Assert.Equal("", output);
        Assert.StartsWith("Usage: ask", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Eval_qa_prints_the_pass_rate_and_the_answer_times()
    {
        var (code, output, _) = await Run(w => QuestionsCli.EvaluateAsync([], w.Out, w.Err, NoAi));
        Assert.Equal(0, code);
        Assert.Matches(@"Pass rate: \d+/\d+ = \d+(\.\d)? ?%", output);
        Assert.Matches(@"Wrong article: \d+(\.\d)? ?%", output);
        Assert.Matches(@"Off-topic answered: \d+/\d+ = \d+(\.\d)? ?%", output);
        Assert.Matches(@"Answer time: p50 [\d.]+ ms, p95 [\d.]+ ms", output);
    }

    [Fact]
    public async Task A_missing_evaluation_file_is_a_one_line_error()
    {
        var (code, _, errors) = await Run(w => QuestionsCli.Guarded(() => QuestionsCli.EvaluateAsync(["--file", "/no/such/file.jsonl"], w.Out, w.Err, NoAi), w.Err));
        Assert.Equal(2, code);
        Assert.Contains("/no/such/file.jsonl", errors, StringComparison.Ordinal);
    }

    private static async Task<(int Code, string Output, string Errors)> Run(Func<(StringWriter Out, StringWriter Err), Task<int>> run)
    {
        var writers = (Out: new StringWriter(), Err: new StringWriter());
        var code = await run(writers);
        return (code, writers.Out.ToString(), writers.Err.ToString());
    }
}
