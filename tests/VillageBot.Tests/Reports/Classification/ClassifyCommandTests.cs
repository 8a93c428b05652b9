using System.Diagnostics;
using System.Text.Json;
using VillageBot.Features.Reports;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports.Classification;

public sealed class ClassifyCommandTests(ClassifierFixture fixture) : IClassFixture<ClassifierFixture>
{
    [Fact]
    public void Classify_writes_one_json_line_per_input_line()
    {
        var input = InputFile(
            """{"text": "Uz ceļa pie skolas ir milzīgas bedres"}""",
            "",
            "nav interneta jau nedelu",
            """{"text": "Фонари на улице не горят"}""");
        var output = new StringWriter();

        var exit = ClassifierCommands.Classify(["--input", input, "--Storage:DataDirectory", fixture.DataDirectory], TextReader.Null, output);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        AssertResult(lines[0], "Uz ceļa pie skolas ir milzīgas bedres", "transport");
        AssertResult(lines[1], "nav interneta jau nedelu", "digital");
        AssertResult(lines[2], "Фонари на улице не горят", "safety");
    }

    [Fact]
    public void Classify_reads_standard_input_when_the_input_is_a_dash()
    {
        var output = new StringWriter();

        var exit = ClassifierCommands.Classify(["--input", "-", "--Storage:DataDirectory", fixture.DataDirectory], new StringReader("The bus to town was cancelled\n"), output);

        Assert.Equal(0, exit);
        AssertResult(output.ToString().Trim(), "The bus to town was cancelled", "transport");
    }

    [Fact]
    public void Classify_without_an_input_file_explains_its_usage_and_fails()
    {
        var output = new StringWriter();

        Assert.Equal(2, ClassifierCommands.Classify([], TextReader.Null, output));
        Assert.Equal(2, ClassifierCommands.Classify(["--input", "/no/such/file.jsonl"], TextReader.Null, output));
        Assert.Empty(output.ToString());
    }

    [Fact]
    public async Task The_program_prints_only_json_lines_on_standard_output()
    {
        var input = InputFile("""{"text": "Atkritumi izgāzti mežā"}""", "Vakaros ielās nedeg laternas");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = fixture.DataDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "VillageBot.dll"), "classify", "--input", input, "--Storage:DataDirectory", fixture.DataDirectory })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));

        Assert.True(process.ExitCode == 0, await stderr);
        var lines = (await stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        AssertResult(lines[0], "Atkritumi izgāzti mežā", "environment");
        AssertResult(lines[1], "Vakaros ielās nedeg laternas", "safety");
    }

    private static void AssertResult(string line, string text, string category)
    {
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal(["text", "category", "confidence", "pillar", "scores"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(text, root.GetProperty("text").GetString());
        Assert.Equal(category, root.GetProperty("category").GetString());
        Assert.Equal(Categories.Pillar[category], root.GetProperty("pillar").GetString());
        var scores = root.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
        Assert.Equal(Categories.All.Order(), scores.Keys.Order());
        Assert.Equal(1.0, scores.Values.Sum(), 2);
        Assert.Equal(scores[category], root.GetProperty("confidence").GetDouble(), 4);
    }

    private string InputFile(params string[] lines)
    {
        Directory.CreateDirectory(fixture.DataDirectory);
        var path = Path.Combine(fixture.DataDirectory, Guid.NewGuid().ToString("N") + ".jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
