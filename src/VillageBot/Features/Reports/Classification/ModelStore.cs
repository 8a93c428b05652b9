using System.Collections.Concurrent;
using System.Text.Json;

namespace VillageBot.Features.Reports.Classification;

/// <summary>What is saved next to a model (classifier.json beside classifier.zip).</summary>
public sealed record ModelInfo(string BaseFingerprint, string Settings, DateTime TrainedAt, int Examples, int Relabels, double TrainingSeconds);

/// <summary>
/// Saves and loads trained models, and trains them. Training is a pure function of the training set and settings,
/// so models are also kept in memory by fingerprint: several hosts in one process (the test suite) train once.
/// </summary>
public static class ModelStore
{
    private const int MaxCached = 6;

    private static readonly ConcurrentDictionary<string, Lazy<ProblemModel>> Trained = new();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public static string InfoPath(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    public static (ProblemModel Model, TrainingSummary Summary) Train(ProblemTrainingSet set, TrainingSettings settings, DateTime now)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        if (Trained.Count >= MaxCached)
        {
            Trained.Clear();
        }

        var model = Trained.GetOrAdd(set.Fingerprint(settings), _ => new Lazy<ProblemModel>(() => ProblemModel.Train(set.All, set.Lexicon, settings))).Value;
        return (model, new TrainingSummary(set.All.Count, set.Relabels.Count, started.Elapsed, now));
    }

    /// <summary>Writes the model and its info atomically (a crash leaves the previous pair).</summary>
    public static void Save(string modelPath, ProblemModel model, ModelInfo info)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        var temp = modelPath + ".tmp";
        using (var stream = File.Create(temp))
        {
            model.Save(stream);
        }

        File.WriteAllText(InfoPath(modelPath) + ".tmp", JsonSerializer.Serialize(info, Json));
        File.Move(temp, modelPath, overwrite: true);
        File.Move(InfoPath(modelPath) + ".tmp", InfoPath(modelPath), overwrite: true);
    }

    /// <summary>The saved model if it exists and was trained from <paramref name="set"/>'s data with these settings; otherwise null.</summary>
    public static ProblemModel? TryLoad(string modelPath, ProblemTrainingSet set, TrainingSettings settings)
    {
        var infoPath = InfoPath(modelPath);
        if (!File.Exists(modelPath) || !File.Exists(infoPath))
        {
            return null;
        }

        var info = JsonSerializer.Deserialize<ModelInfo>(File.ReadAllText(infoPath));
        if (info is null || info.BaseFingerprint != set.BaseFingerprint(settings))
        {
            return null;
        }

        using var stream = File.OpenRead(modelPath);
        return ProblemModel.Load(stream, set.Lexicon, settings);
    }
}
