using System.Security.Cryptography;
using System.Text;
using VillageBot.Infrastructure.MachineLearning;

namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// Everything a model is trained from: data/problems/*.jsonl, the dev halves of the blind batches listed in
/// data/problems/dev-halves/batches.txt (their reports in data/problems/dev-halves/*.jsonl), the lexicon and the
/// admins' relabels. The evaluation reports are the blind batches in data/eval/blind*/ (written without seeing the
/// training data): the dev splits of the batches not listed are for choosing settings and training examples, the test
/// splits are the held-out set, read only to report final figures.
/// </summary>
public sealed class ProblemTrainingSet
{
    /// <summary>Changes whenever featurisation changes, so that models saved by older code are retrained.</summary>
    public const int FeatureVersion = 1;

    private readonly string _lexiconText;

    private ProblemTrainingSet(IReadOnlyList<LabeledText> files, IReadOnlyList<LabeledText> relabels, ProblemLexicon lexicon, string lexiconText)
    {
        Files = files;
        Relabels = relabels;
        Lexicon = lexicon;
        _lexiconText = lexiconText;
    }

    public IReadOnlyList<LabeledText> Files { get; }

    public IReadOnlyList<LabeledText> Relabels { get; }

    public ProblemLexicon Lexicon { get; }

    public IReadOnlyList<LabeledText> All => [.. Files, .. Relabels];

    public static string ProblemsDirectory(string dataPath) => Path.Combine(dataPath, "problems");

    /// <summary>The held-out set: every blind batch's test split, never used for training or tuning.</summary>
    public static IReadOnlyList<string> HeldOutFiles(string dataPath) => BlindBatches.Files(dataPath, "problems", "test");

    /// <summary>
    /// The dev split of every blind batch whose dev half does not train the model (<see cref="DevHalvesInTraining"/>):
    /// what settings and new training examples are judged on.
    /// </summary>
    public static IReadOnlyList<string> DevFiles(string dataPath) => BlindBatches.Files(dataPath, "problems", "dev", DevHalvesInTraining(dataPath));

    /// <summary>
    /// Where the reports of the dev halves that train the model are kept (written by scripts/from-dev-halves.py), in a
    /// folder of their own: the intent model and the project's concepts read only data/problems/*.jsonl.
    /// </summary>
    public static string DevHalvesDirectory(string dataPath) => Path.Combine(ProblemsDirectory(dataPath), "dev-halves");

    /// <summary>The blind batches whose dev half trains the classifier (data/problems/dev-halves/batches.txt).</summary>
    public static IReadOnlySet<string> DevHalvesInTraining(string dataPath) => BlindBatches.Listed(Path.Combine(DevHalvesDirectory(dataPath), "batches.txt"));

    public static ProblemTrainingSet Load(string dataPath, IReadOnlyList<LabeledText> relabels)
    {
        var problems = ProblemsDirectory(dataPath);
        if (!Directory.Exists(problems))
        {
            throw new DirectoryNotFoundException($"No training data: {problems} does not exist.");
        }

        var lexiconDirectory = Path.Combine(problems, "lexicon");
        var lexiconText = string.Join('\n', Categories.All.Select(c => Path.Combine(lexiconDirectory, c + ".txt"))
            .Select(p => File.Exists(p) ? File.ReadAllText(p) : ""));
        var devHalves = DevHalvesDirectory(dataPath);
        List<LabeledText> files = [.. TrainingData.ReadDirectory(problems), .. Directory.Exists(devHalves) ? TrainingData.ReadDirectory(devHalves) : []];
        return new ProblemTrainingSet(files, relabels, ProblemLexicon.Load(lexiconDirectory), lexiconText);
    }

    public static List<LabeledText> ReadHeldOut(string dataPath) => [.. HeldOutFiles(dataPath).SelectMany(TrainingData.ReadFile)];

    public static List<LabeledText> ReadDev(string dataPath) => [.. DevFiles(dataPath).SelectMany(TrainingData.ReadFile)];

    public ProblemTrainingSet WithRelabels(IReadOnlyList<LabeledText> relabels) => new(Files, relabels, Lexicon, _lexiconText);

    /// <summary>Identifies code version, settings, data files and lexicon (not relabels): a saved model with another one is stale.</summary>
    public string BaseFingerprint(TrainingSettings settings) => Hash(settings, Files);

    /// <summary>Identifies everything that determines the trained model, relabels included.</summary>
    public string Fingerprint(TrainingSettings settings) => Hash(settings, All);

    private string Hash(TrainingSettings settings, IEnumerable<LabeledText> examples)
    {
        var sb = new StringBuilder().Append(FeatureVersion).Append('\n').Append(settings).Append('\n').Append(_lexiconText).Append('\n');
        foreach (var e in examples)
        {
            sb.Append(e.Text).Append('\u0001').Append(e.Label).Append('\u0001').Append(e.Weight).Append('\n');
        }

        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(sb.ToString())))[..16];
    }
}
