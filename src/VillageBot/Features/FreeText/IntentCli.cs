using VillageBot.Infrastructure.Text;
using System.CommandLine;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using VillageBot.Cli;
using VillageBot.Conversation;
using VillageBot.Features.Questions.Retrieval;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.MachineLearning;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.FreeText;

/// <summary>
/// <c>intent --input FILE</c>: reads JSON lines {"text", "lang"} ('-' reads standard input) and writes
/// {"text", "lang", "intent", "confidence"} lines, with the same <see cref="IntentDetector"/> the chat uses.
/// </summary>
public static class IntentCli
{
    private static readonly JsonSerializerOptions Json = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Option<string> Input = new Option<string>("--input") { Description = "A file of JSON lines {\"text\", \"lang\"}; - reads standard input", HelpName = "FILE", Required = true }.AcceptExistingOrDash();
    private static readonly Option<string> Split = new Option<string>("--set") { Description = "The blind split to score", DefaultValueFactory = _ => "dev" }.AcceptOnlyFromAmong("dev", "test");
    private static readonly Option<bool> Tune = new("--tune") { Description = "Score every candidate model setting instead" };

    public static Command Intent(CliIO io)
    {
        var command = new CliCommand("intent", "Reads texts and writes the intent each is routed to, with its confidence", "Usage: intent --input FILE   (JSON lines {\"text\": \"…\", \"lang\": \"lv|en|ru\"}; - reads standard input)")
        {
            Input,
        };
        command.SetAction((parsed, _) => RunAsync(parsed, io));
        return command;
    }

    public static Command Evaluate(CliIO io)
    {
        var command = new CliCommand("eval-intent", "Routing rates on the blind sets at several thresholds", "Usage: eval-intent [--set dev|test] [--tune]")
        {
            Split, Tune,
        };
        command.SetAction(parsed => Evaluate(parsed, io));
        return command;
    }

    public static Task<int> RunAsync(string[] args, TextReader stdin, TextWriter output, TextWriter errors) =>
        CommandLine.RunAsync(Intent, args, new CliIO(stdin, output, errors, new Dictionary<string, string?>()));

    /// <summary>
    /// <c>eval-intent [--set dev|test] [--tune]</c>: the routing rates on the blind sets (each batch, then all together)
    /// at several thresholds (the configured one marked), and the threshold calibrated by cross-validation over the
    /// texts, to choose Intent:UnsureBelow on dev. Misrouted texts are listed for dev only.
    /// </summary>
    private static int Evaluate(ParseResult parsed, CliIO io)
    {
        var output = io.Output;
        var split = parsed.GetValue(Split)!;
        using var logging = CliConfiguration.StandardErrorLogging();
        var configuration = io.Configuration();
        var dataPath = configuration.Options<ContentOptions>(ContentOptions.Section).ResolvedDataPath;
        if (IntentEvaluation.BlindDirectories(dataPath).Count == 0)
        {
            return CommandLine.Refuse(parsed, io.Error, $"Reads {IntentEvaluation.BlindDirectory(dataPath)}*/*.{{dev|test}}.jsonl; there are none.");
        }

        var cases = IntentEvaluation.LoadBlind(dataPath, split);
        var knowledge = KnowledgeIndex.Load(Path.Combine(dataPath, "knowledge"));
        if (parsed.GetValue(Tune))
        {
            var set = IntentTrainingSet.Load(dataPath);
            foreach (var settings in IntentTuning.Candidates())
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var model = IntentModel.Train(set.Examples, settings);
                var trained = watch.Elapsed.TotalSeconds;
                foreach (var boost in new[] { 1.0, 16, 64, 256 })
                {
                    var outcomes = IntentEvaluation.Run(model, cases, new KnowledgeEvidence(knowledge, boost));
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{settings} knowledge boost {boost}: trained in {trained:0.0} s, p50 {IntentEvaluation.P50(outcomes):0.000} ms"));
                    Table(output, outcomes, null);
                }
            }

            return 0;
        }

        var detector = Create(configuration, logging);
        var all = IntentEvaluation.Run(detector.Current, cases, detector.Evidence);
        var evidence = detector.Evidence!;
        foreach (var kind in IntentModel.Intents)
        {
            var of = cases.Where(c => c.Kind == kind).ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"knowledge evidence for {kind}: {of.Count(c => evidence.Supports(c.Text)) / (double)Math.Max(1, of.Count):0.000} of {of.Count}"));
        }

        foreach (var batch in all.GroupBy(o => o.Case.Batch))
        {
            output.WriteLine($"{batch.Key}, {batch.Count()} texts of the {split} split:");
            Table(output, [.. batch], detector.UnsureBelow);
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"All {cases.Count} texts of the blind {split} splits; predict p50 {IntentEvaluation.P50(all):0.000} ms"));
        Table(output, all, detector.UnsureBelow);
        var (rates, chosen) = IntentEvaluation.CrossValidate(all);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Threshold of least cost (a wrong route = {IntentEvaluation.PromptsPerWrongRoute} prompts) on all: {IntentEvaluation.Calibrate(all):0.00}; 5-fold, chosen {string.Join(' ', chosen.Select(t => t.ToString("0.00", CultureInfo.InvariantCulture)))}, on the held-out folds:"));
        Row(output, "cv", rates);
        if (split == "dev")
        {
            output.WriteLine("Misrouted at the configured threshold:");
            foreach (var o in all)
            {
                var reading = IntentDetector.Decide(o.Probabilities, detector.UnsureBelow);
                if (reading.Name != o.Case.Kind)
                {
                    // The model's own reading beside the routed one shows whether the model or the evidence moved the text.
                    var own = detector.Current.Predict(o.Case.Text);
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {o.Case.Kind,-8} → {reading.Name,-8} {reading.Confidence:0.00} (model q {own[0]:0.00} p {own[1]:0.00} c {own[2]:0.00})  [{o.Case.Batch} {o.Case.Lang}] {o.Case.Text}"));
                }
            }
        }

        return 0;
    }

    private static void Table(TextWriter output, IReadOnlyList<IntentEvaluation.Outcome> outcomes, double? configured)
    {
        output.WriteLine("  unsure<  p→report  p→question  q→answer  q→report  chitchat  unsure");
        foreach (var t in new[] { 0.34, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8 }.Append(configured ?? 0.34).Distinct().Order())
        {
            Row(output, string.Create(CultureInfo.InvariantCulture, $"{t,6:0.00}{(t == configured ? "*" : " ")}"), IntentEvaluation.Score(outcomes, t));
        }
    }

    private static void Row(TextWriter output, string first, IntentEvaluation.Rates r) =>
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {first,7} {r.ProblemToReport,8:0.000} {r.ProblemToQuestion,11:0.000} {r.QuestionToAnswer,9:0.000} {r.QuestionToReport,9:0.000} {r.ChitchatOk,9:0.000} {r.Unsure,7:0.000}"));

    private static async Task<int> RunAsync(ParseResult parsed, CliIO io)
    {
        var (output, errors) = (io.Output, io.Error);
        var input = parsed.GetValue(Input)!;
        using var logging = CliConfiguration.StandardErrorLogging();
        var detector = Create(io.Configuration(), logging);
        using var reader = input == "-" ? io.Input : new StreamReader(input);
        var (number, bad) = (0, 0);
        while (await reader.ReadLineAsync() is { } line)
        {
            number++;
            if (line.Trim().Length == 0)
            {
                continue;
            }

            var row = Parse(line);
            if (row?.Text is not { Length: > 0 } text || row.Lang is { } l && !Languages.IsSupported(l))
            {
                await errors.WriteLineAsync($"{input}:{number}: expected {{\"text\": \"…\", \"lang\": \"lv|en|ru\"}}");
                bad++;
                continue;
            }

            var reading = detector.Read(text);
            await output.WriteLineAsync(JsonSerializer.Serialize(new OutLine(text, row.Lang ?? LanguageDetector.Detect(text), reading.Name, Math.Round(reading.Confidence, 4)), Json));
        }

        return bad == 0 ? 0 : 1;
    }

    internal static IntentDetector Create(IConfiguration configuration, ILoggerFactory logging) => new(
        Options.Create(configuration.Options<IntentOptions>(IntentOptions.Section)),
        Options.Create(configuration.Options<ContentOptions>(ContentOptions.Section)),
        TrainedModels.Of(configuration.Options<StorageOptions>(StorageOptions.Section)),
        TimeProvider.System,
        logging.CreateLogger<IntentDetector>(),
        KnowledgeIndex.Load(Path.Combine(configuration.Options<ContentOptions>(ContentOptions.Section).ResolvedDataPath, "knowledge")));

    private static InLine? Parse(string line)
    {
        try
        {
            return JsonSerializer.Deserialize<InLine>(line);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record InLine([property: JsonPropertyName("text")] string? Text, [property: JsonPropertyName("lang")] string? Lang);

    private sealed record OutLine(
        [property: JsonPropertyName("text")] string Text,
        [property: JsonPropertyName("lang")] string Lang,
        [property: JsonPropertyName("intent")] string Intent,
        [property: JsonPropertyName("confidence")] double Confidence);
}
