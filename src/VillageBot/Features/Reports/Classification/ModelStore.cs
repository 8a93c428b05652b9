using System.Collections.Concurrent;
using System.Text.Json;
using VillageBot.Infrastructure.MachineLearning;

namespace VillageBot.Features.Reports.Classification;

/// <summary>What is saved with a model (classifier.json beside classifier.zip, or in its row of the database).</summary>
public sealed record ModelInfo(string BaseFingerprint, string Settings, DateTime TrainedAt, int Examples, int Relabels, double TrainingSeconds);

/// <summary>
/// Saves and loads trained models (where <see cref="ITrainedModels"/> keeps them), and trains them. Training is a pure function of the training set and settings,
/// so models are also kept in memory by fingerprint: several hosts in one process (the test suite) train once.
/// </summary>
public static class ModelStore
{
    private const int MaxCached = 6;

    private static readonly ConcurrentDictionary<string, Lazy<ProblemModel>> Trained = new();

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

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

    /// <summary>Saves the model and its info together (a crash leaves the previous pair).</summary>
    public static void Save(ITrainedModels models, string name, ProblemModel model, ModelInfo info)
    {
        using var bytes = new MemoryStream();
        model.Save(bytes);
        models.Save(name, new SavedModel(bytes.ToArray(), JsonSerializer.Serialize(info, Json)));
    }

    /// <summary>The saved model if it exists and was trained from <paramref name="set"/>'s data with these settings; otherwise null.</summary>
    public static ProblemModel? TryLoad(ITrainedModels models, string name, ProblemTrainingSet set, TrainingSettings settings)
    {
        if (models.Read(name) is not { } saved || JsonSerializer.Deserialize<ModelInfo>(saved.Info) is not { } info || info.BaseFingerprint != set.BaseFingerprint(settings))
        {
            return null;
        }

        using var stream = new MemoryStream(saved.Model, writable: false);
        return ProblemModel.Load(stream, set.Lexicon, settings);
    }
}
