using System.Collections.Concurrent;
using System.Text.Json;
using VillageBot.Infrastructure.MachineLearning;

namespace VillageBot.Features.FreeText;

/// <summary>What is saved with the intent model (intent.json beside intent.zip, or in its row of the database).</summary>
public sealed record IntentModelInfo(string Fingerprint, DateTime TrainedAt, int Examples, double TrainingSeconds);

/// <summary>
/// Saves and loads intent models (where <see cref="ITrainedModels"/> keeps them), and trains them. Training is a pure
/// function of the training set, so models are also kept in memory by fingerprint: several hosts in one process (the
/// test suite) train once.
/// </summary>
public static class IntentModelStore
{
    private const int MaxCached = 4;

    private static readonly ConcurrentDictionary<string, Lazy<IntentModel>> Trained = new();

    public static IntentModel Train(IntentTrainingSet set)
    {
        if (Trained.Count >= MaxCached)
        {
            Trained.Clear();
        }

        return Trained.GetOrAdd(set.Fingerprint(), _ => new Lazy<IntentModel>(() => IntentModel.Train(set.Examples))).Value;
    }

    /// <summary>Saves the model and its info together (a crash leaves the previous pair).</summary>
    public static void Save(ITrainedModels models, string name, IntentModel model, IntentModelInfo info)
    {
        using var bytes = new MemoryStream();
        model.Save(bytes);
        models.Save(name, new SavedModel(bytes.ToArray(), JsonSerializer.Serialize(info)));
    }

    /// <summary>The saved model if it exists and was trained from exactly this set; otherwise null.</summary>
    public static IntentModel? TryLoad(ITrainedModels models, string name, IntentTrainingSet set)
    {
        if (models.Read(name) is not { } saved || JsonSerializer.Deserialize<IntentModelInfo>(saved.Info) is not { } info || info.Fingerprint != set.Fingerprint())
        {
            return null;
        }

        using var stream = new MemoryStream(saved.Model, writable: false);
        return IntentModel.Load(stream);
    }
}
