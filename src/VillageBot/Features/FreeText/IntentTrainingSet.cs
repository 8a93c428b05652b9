using VillageBot.Infrastructure.MachineLearning;
using VillageBot.Infrastructure.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using VillageBot.Features.Questions.Retrieval;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Features.FreeText;

/// <summary>
/// What the intent model learns from: data/intent/{question,problem,chitchat}*.jsonl (among them the dev halves of the
/// older blind batches, <see cref="DevHalvesInTraining"/>), the problem reports of
/// data/problems/*.jsonl (never its held-out folder), the authored questions of data/eval/questions*.jsonl, and the
/// knowledge base's titles, headings (a resident often types just a topic: "biedrības statūti") and those of the
/// ways of asking its articles carry (<c>&lt;!-- ask: … --&gt;</c>) that are questions. Each class weighs the same in total, so the many
/// problem reports do not drown the chit-chat.
/// </summary>
public sealed class IntentTrainingSet
{
    /// <summary>Changes whenever featurisation or the pipeline changes, so that models saved by older code are retrained.</summary>
    public const int FeatureVersion = 7;

    /// <summary>Headings and ask phrases are short rather than whole questions: they count less than a written question.</summary>
    private const float HeadingWeight = 0.5f;

    private IntentTrainingSet(IReadOnlyList<IntentExample> examples) => Examples = examples;

    public IReadOnlyList<IntentExample> Examples { get; }

    public static string Directory(string dataPath) => Path.Combine(dataPath, "intent");

    /// <summary>
    /// The blind batches whose dev half trains the model (data/intent/dev-halves.txt, one folder name a line, "#"
    /// comments; their texts are in data/intent/*.dev-halves.jsonl, written by scripts/from-dev-halves.py). Empty when
    /// the file is missing.
    /// </summary>
    public static IReadOnlySet<string> DevHalvesInTraining(string dataPath) => BlindBatches.Listed(Path.Combine(Directory(dataPath), "dev-halves.txt"));

    public static IntentTrainingSet Load(string dataPath)
    {
        var own = Directory(dataPath);
        if (!System.IO.Directory.Exists(own))
        {
            throw new DirectoryNotFoundException($"No training data for the intent model: {own} does not exist.");
        }

        var examples = new List<IntentExample>();
        foreach (var intent in IntentModel.Intents)
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(own, intent + "*.jsonl").Order(StringComparer.Ordinal))
            {
                examples.AddRange(Read(file, "text").Select(r => new IntentExample(r.Text, intent, r.Lang)));
            }
        }

        // Every other report: half of them teach what a problem report looks like as well as all of them, and keep
        // training within a few seconds. Every Russian one: they are a seventh of the reports, and on dev short
        // Russian statements ("the lake has bloomed") were left unsure more often than Latvian ones.
        examples.AddRange(TrainingData.ReadDirectory(ProblemTrainingSet.ProblemsDirectory(dataPath)).Where((p, i) => i % 2 == 0 || p.Lang == "ru")
            .Select(p => new IntentExample(p.Text, IntentModel.Problem, p.Lang)));
        var eval = Path.Combine(dataPath, "eval");
        if (System.IO.Directory.Exists(eval))
        {
            foreach (var file in System.IO.Directory.EnumerateFiles(eval, "questions*.jsonl").Order(StringComparer.Ordinal))
            {
                examples.AddRange(Read(file, "q").Select(r => new IntentExample(r.Text, IntentModel.Question, r.Lang)));
            }
        }

        examples.AddRange(ArticleTopics(Path.Combine(dataPath, "knowledge")).Select(h => new IntentExample(h.Text, IntentModel.Question, h.Lang, HeadingWeight)));
        return new IntentTrainingSet(Balance(examples));
    }

    /// <summary>Identifies code version and every example: a saved model with another one is stale.</summary>
    public string Fingerprint()
    {
        var sb = new StringBuilder().Append(FeatureVersion).Append('\n').Append(IntentSettings.Default).Append('\n');
        foreach (var e in Examples)
        {
            sb.Append(e.Text).Append('\u0001').Append(e.Label).Append('\u0001').Append(e.Weight).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }

    private static List<IntentExample> Balance(List<IntentExample> examples)
    {
        var totals = examples.GroupBy(e => e.Label).ToDictionary(g => g.Key, g => g.Sum(e => e.Weight));
        var mean = totals.Values.Average();
        return [.. examples.Select(e => e with { Weight = e.Weight * mean / totals[e.Label] })];
    }

    /// <summary>
    /// Article titles, ## headings, and the ask phrases of the articles and their sections (data/knowledge/{lang}/*.md)
    /// that are phrased as questions. Bare topic phrases ("EU policy areas and villages") are left out: measured on
    /// the dev split, their sheer number taught the model that a question is about the project's topics, and
    /// everyday questions (opening hours, prices) went to the report flow more often.
    /// </summary>
    private static IEnumerable<(string Text, string Lang)> ArticleTopics(string knowledge) =>
        KnowledgeBase.Load(knowledge).SelectMany(a =>
            a.Sections.Select(s => s.Heading).Prepend(a.Title).Select(t => (t, a.Lang))
                .Concat(a.Asks.Concat(a.Sections.SelectMany(s => s.Asks)).Where(IntentFeatures.Asks).Select(t => (t, a.Lang))));

    private static IEnumerable<(string Text, string Lang)> Read(string path, string field)
    {
        if (!File.Exists(path))
        {
            yield break;
        }

        var number = 0;
        foreach (var line in File.ReadLines(path))
        {
            number++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (!root.TryGetProperty(field, out var text) || text.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(text.GetString()))
            {
                throw new InvalidDataException($"{path}:{number}: needs a \"{field}\"");
            }

            var lang = root.TryGetProperty("lang", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : LanguageDetector.Detect(text.GetString()!);
            yield return (text.GetString()!, lang);
        }
    }
}
