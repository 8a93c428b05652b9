using System.Collections.Concurrent;
using System.Text.Json;

namespace VillageBot.Features.FreeText;

/// <summary>What is saved next to the intent model (intent.json beside intent.zip).</summary>
public sealed record IntentModelInfo(string Fingerprint, DateTime TrainedAt, int Examples, double TrainingSeconds);

/// <summary>
/// Saves, loads and trains intent models. Training is a pure function of the training set, so models are also kept in
/// memory by fingerprint: several hosts in one process (the test suite) train once.
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

    /// <summary>Writes the model and its info atomically (a crash leaves the previous pair).</summary>
    public static void Save(string modelPath, IntentModel model, IntentModelInfo info)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(modelPath))!);
        var infoPath = Path.ChangeExtension(modelPath, ".json");
        using (var stream = File.Create(modelPath + ".tmp"))
        {
            model.Save(stream);
        }

        File.WriteAllText(infoPath + ".tmp", JsonSerializer.Serialize(info));
        File.Move(modelPath + ".tmp", modelPath, overwrite: true);
        File.Move(infoPath + ".tmp", infoPath, overwrite: true);
    }

    /// <summary>The saved model if it exists and was trained from exactly this set; otherwise null.</summary>
    public static IntentModel? TryLoad(string modelPath, IntentTrainingSet set)
    {
        var infoPath = Path.ChangeExtension(modelPath, ".json");
        if (!File.Exists(modelPath) || !File.Exists(infoPath)
            || JsonSerializer.Deserialize<IntentModelInfo>(File.ReadAllText(infoPath)) is not { } info || info.Fingerprint != set.Fingerprint())
        {
            return null;
        }

        using var stream = File.OpenRead(modelPath);
        return IntentModel.Load(stream);
    }
}
