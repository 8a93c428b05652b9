using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using VillageBot.Cli;
using VillageBot.Conversation;
using VillageBot.Infrastructure.MachineLearning;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// <c>train</c> (cross-validates, saves the model, evaluates on the blind dev split, or on <c>--eval FILE</c>, or with
/// <c>--heldout</c> on the held-out test split; <c>--no-cv</c>, <c>--learning-curve</c>, <c>--tune</c>)
/// and <c>classify --input FILE</c> (JSON lines out). No Telegram token needed; logs go to standard error.
/// </summary>
public static class ClassifierCommands
{
    private static readonly JsonSerializerOptions JsonLine = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly Option<string?> Eval = new("--eval") { Description = "Evaluate on this labelled file {\"text\", \"label\", \"lang\"} instead of the dev split", HelpName = "FILE" };
    private static readonly Option<bool> HeldOut = new("--heldout") { Description = "Evaluate on the held-out test split (final figures)" };
    private static readonly Option<bool> NoCv = new("--no-cv") { Description = "Skip the 5-fold cross-validation" };
    private static readonly Option<bool> LearningCurve = new("--learning-curve") { Description = "Also train on shares of the data" };
    private static readonly Option<bool> Tune = new("--tune") { Description = "Score candidate settings instead of training" };
    private static readonly Option<string> Input = new Option<string>("--input") { Description = "A file of JSON lines {\"text\"} or plain lines; - reads standard input", HelpName = "FILE", Required = true }.AcceptExistingOrDash();

    public static Command Train(CliIO io)
    {
        var command = new CliCommand("train", "Trains the problem classifier, saves it and reports its figures", "Usage: train [--no-cv] [--learning-curve] [--tune] [--eval FILE | --heldout]")
        {
            Eval, HeldOut, NoCv, LearningCurve, Tune,
        };
        command.SetAction(parsed => Train(parsed, io));
        return command;
    }

    public static Command Classify(CliIO io)
    {
        var command = new CliCommand("classify", "Writes the category of each text, as JSON lines", "Usage: classify --input FILE   (JSON lines {\"text\": \"...\"} or plain lines; '-' reads standard input)")
        {
            Input,
        };
        command.SetAction(parsed => Classify(parsed, io));
        return command;
    }

    internal static int Classify(string[] args, TextReader stdin, TextWriter output) =>
        CommandLine.RunAsync(Classify, args, new CliIO(stdin, output, Console.Error, new Dictionary<string, string?>())).GetAwaiter().GetResult();

    private static int Train(ParseResult parsed, CliIO io)
    {
        var output = io.Output;
        using var logging = CliConfiguration.StandardErrorLogging();
        var (classifier, dataPath, relabels) = Create(io, logging);
        var settings = TrainingSettings.Default;
        var set = ProblemTrainingSet.Load(dataPath, relabels.Read(classifier.RelabelWeight));
        var (evalName, evalFiles) = EvaluationFiles(parsed, dataPath);
        var evaluation = evalFiles.Where(File.Exists).SelectMany(TrainingData.ReadFile).ToList();
        var evalFile = string.Join(", ", evalFiles);
        output.WriteLine($"Training data: {set.Files.Count} examples from {ProblemTrainingSet.ProblemsDirectory(dataPath)} + {set.Relabels.Count} relabels; settings: {settings}");

        if (parsed.GetValue(Tune))
        {
            Tuning.Run(set, evaluation, output);
            return 0;
        }

        if (!parsed.GetValue(NoCv))
        {
            var cv = ClassifierEvaluation.CrossValidate(set.All, examples => ProblemModel.Train(examples, set.Lexicon, settings));
            Report(output, "5-fold cross-validation", cv);
            output.WriteLine(Calibration(cv));
        }

        var summary = classifier.Retrain();
        output.WriteLine($"Trained on {summary.Examples} examples in {summary.Duration.TotalSeconds:0.0} s; saved {classifier.ModelPath}");
        if (evaluation.Count == 0)
        {
            output.WriteLine($"No evaluation set at {evalFile}.");
            return 0;
        }

        var final = ClassifierEvaluation.Evaluate(classifier.Current, evaluation);
        Report(output, $"{evalName} ({evaluation.Count} reports, {evalFile})", final);
        output.WriteLine(Latency(classifier, evaluation));
        if (parsed.GetValue(LearningCurve))
        {
            output.WriteLine();
            output.WriteLine($"Learning curve ({evalName} macro-F1 against share of the training data; below 100 % the mean of 3 random stratified samples):");
            output.WriteLine("  share  examples  overall     lv     en     ru");
            foreach (var share in new[] { 0.2, 0.4, 0.6, 0.8, 1.0 })
            {
                var runs = share < 1
                    ? [.. Enumerable.Range(1, 3).Select(seed => ClassifierEvaluation.Evaluate(ProblemModel.Train(ClassifierEvaluation.Sample(set.All, share, seed), set.Lexicon, settings), evaluation))]
                    : new List<List<Outcome>> { final };
                double Mean(string? lang) => runs.Average(r => ClassifierEvaluation.MacroF1(lang is null ? r : [.. r.Where(o => o.Lang == lang)]));
                output.WriteLine($"  {share,5:P0}  {ClassifierEvaluation.Sample(set.All, share).Count,8}  {Mean(null),7:0.000}  {Mean("lv"),5:0.000}  {Mean("en"),5:0.000}  {Mean("ru"),5:0.000}");
            }
        }

        return 0;
    }

    /// <summary>
    /// What <c>train</c> reports on: the blind dev split by default, <c>--eval FILE</c> for any labelled file, and
    /// <c>--heldout</c> for the held-out test split, whose figures are final (nothing is tuned on them).
    /// </summary>
    private static (string Name, IReadOnlyList<string> Files) EvaluationFiles(ParseResult parsed, string dataPath) =>
        parsed.GetValue(Eval) is { } file ? ("Evaluation set", [file])
        : parsed.GetValue(HeldOut) ? ("Held-out set, never used for training or tuning", ProblemTrainingSet.HeldOutFiles(dataPath))
        : ("Dev set", ProblemTrainingSet.DevFiles(dataPath));

    private static int Classify(ParseResult parsed, CliIO io)
    {
        var (input, output) = (parsed.GetValue(Input)!, io.Output);
        using var logging = CliConfiguration.StandardErrorLogging();
        var (classifier, _, _) = Create(io, logging);
        using var reader = input == "-" ? io.Input : new StreamReader(input);
        while (reader.ReadLine() is { } line)
        {
            if (TextOf(line) is not { } text)
            {
                continue;
            }

            var r = classifier.Classify(text);
            output.WriteLine(JsonSerializer.Serialize(new { text, category = r.Category, confidence = Math.Round(r.Confidence, 4), pillar = r.Pillar, scores = r.Scores.ToDictionary(s => s.Key, s => Math.Round(s.Value, 4)) }, JsonLine));
        }

        return 0;
    }

    /// <summary>A JSON line's "text", or a plain line as it is; null for blank lines.</summary>
    private static string? TextOf(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0)
        {
            return null;
        }

        if (trimmed.StartsWith('{'))
        {
            try
            {
                using var doc = JsonDocument.Parse(trimmed);
                return doc.RootElement.TryGetProperty("text", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            }
            catch (JsonException)
            {
                return trimmed;
            }
        }

        return trimmed;
    }

    private static (ProblemClassifier Classifier, string DataPath, IRelabelSource Relabels) Create(CliIO io, ILoggerFactory logging)
    {
        var configuration = io.Configuration();
        var storage = configuration.Options<StorageOptions>(StorageOptions.Section);
        var content = configuration.Options<ContentOptions>(ContentOptions.Section);
        var options = configuration.Options<ClassifierOptions>(ClassifierOptions.Section);
        var relabels = RelabelSources.Of(storage);
        var classifier = new ProblemClassifier(Options.Create(options), Options.Create(content), relabels, TrainedModels.Of(storage), TimeProvider.System, logging.CreateLogger<ProblemClassifier>());
        return (classifier, content.ResolvedDataPath, relabels);
    }

    private static void Report(TextWriter output, string title, List<Outcome> outcomes)
    {
        output.WriteLine();
        output.WriteLine($"{title}: macro-F1 {ClassifierEvaluation.MacroF1(outcomes):0.000}, accuracy {outcomes.Count(o => o.Gold == o.Predicted) / (double)outcomes.Count:0.000}");
        output.WriteLine("  by language: " + string.Join(", ", ClassifierEvaluation.MacroF1ByLanguage(outcomes).Select(l => $"{l.Key} {l.Value:0.000} (n={outcomes.Count(o => o.Lang == l.Key)})")));
        output.Write(ClassifierEvaluation.ConfusionMatrix(outcomes));
    }

    /// <summary>Accuracy by confidence band, to choose Classifier:ReviewThreshold.</summary>
    private static string Calibration(List<Outcome> outcomes)
    {
        var lines = new List<string> { "Calibration (cross-validated): confidence band, share of reports, accuracy" };
        var bands = new[] { 0.0, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.01 };
        for (var i = 0; i + 1 < bands.Length; i++)
        {
            var band = outcomes.Where(o => o.Confidence >= bands[i] && o.Confidence < bands[i + 1]).ToList();
            var accuracy = band.Count == 0 ? 0 : band.Count(o => o.Gold == o.Predicted) / (double)band.Count;
            lines.Add($"  [{bands[i]:0.0}, {Math.Min(bands[i + 1], 1):0.0}{(i + 2 == bands.Length ? "]" : ")")}  {band.Count / (double)outcomes.Count,6:P1}  {accuracy,6:P1}");
        }

        return string.Join(Environment.NewLine, lines);
    }

    private static string Latency(ProblemClassifier classifier, List<LabeledText> texts)
    {
        foreach (var t in texts.Take(20))
        {
            classifier.Classify(t.Text);
        }

        var times = new List<double>();
        foreach (var t in texts)
        {
            var watch = Stopwatch.StartNew();
            classifier.Classify(t.Text);
            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        return string.Create(CultureInfo.InvariantCulture, $"Prediction latency over {times.Count} single reports: p50 {times[times.Count / 2]:0.000} ms, p95 {times[(int)(times.Count * 0.95)]:0.000} ms");
    }
}
