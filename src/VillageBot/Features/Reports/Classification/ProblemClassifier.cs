using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.MachineLearning;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// The bot's classifier: loads the saved model (from the data directory, or the database on PostgreSQL), or trains one from data/problems plus relabels
/// when it is missing or stale. Predictions use the current model; <see cref="Retrain"/> swaps in a new one atomically.
/// </summary>
public sealed class ProblemClassifier(
    IOptions<ClassifierOptions> options,
    IOptions<ContentOptions> content,
    IRelabelSource relabels,
    ITrainedModels models,
    TimeProvider time,
    ILogger<ProblemClassifier> log) : IProblemClassifier
{
    private readonly Lock _training = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile ProblemModel? _model;

    /// <summary>Where the model is kept: a file in the data directory, or its row in the database.</summary>
    public string ModelPath => models.Where(options.Value.ModelFile);

    public bool IsReady => _model is not null;

    /// <summary>Completes when the first model is loaded or trained (by the start-up job or the first report).</summary>
    public Task Ready => _ready.Task;

    public float RelabelWeight => options.Value.RelabelWeight;

    /// <summary>The model in use (loaded or trained first if needed).</summary>
    internal ProblemModel Current => EnsureModel();

    public ClassificationResult Classify(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var model = EnsureModel();
        return Result(model, model.Predict(text), text, options.Value.ReviewThreshold);
    }

    public IReadOnlyList<ClassificationResult> ClassifyBatch(IEnumerable<string> texts)
    {
        var list = texts.ToList();
        var model = EnsureModel();
        var scores = model.PredictBatch(list);
        return [.. list.Select((t, i) => Result(model, scores[i], t, options.Value.ReviewThreshold))];
    }

    public TrainingSummary Retrain()
    {
        lock (_training)
        {
            var set = ProblemTrainingSet.Load(content.Value.ResolvedDataPath, relabels.Read(options.Value.RelabelWeight));
            var (model, summary) = TrainAndSave(set);
            Use(model);
            return summary;
        }
    }

    /// <summary>Loads or trains the model unless it is there already (the start-up job calls this in the background).</summary>
    public void EnsureReady() => EnsureModel();

    internal static ClassificationResult Result(ProblemModel model, float[] raw, string text, double threshold)
    {
        var total = raw.Sum(p => (double)Math.Max(p, 0f));
        var scores = new Dictionary<string, double>();
        foreach (var category in Categories.All)
        {
            var i = IndexOf(model.Labels, category);
            scores[category] = i < 0 || total <= 0 ? 1.0 / Categories.All.Count : Math.Max(raw[i], 0f) / total;
        }

        var best = scores.MaxBy(s => s.Value);
        return new ClassificationResult(best.Key, best.Value, Categories.Pillar[best.Key], scores, best.Value < threshold, LanguageDetector.Detect(text));
    }

    private static int IndexOf(IReadOnlyList<string> labels, string category)
    {
        for (var i = 0; i < labels.Count; i++)
        {
            if (labels[i] == category)
            {
                return i;
            }
        }

        return -1;
    }

    private ProblemModel EnsureModel()
    {
        if (_model is { } ready)
        {
            return ready;
        }

        lock (_training)
        {
            if (_model is { } loaded)
            {
                return loaded;
            }

            var set = ProblemTrainingSet.Load(content.Value.ResolvedDataPath, []);
            try
            {
                if (ModelStore.TryLoad(models, options.Value.ModelFile, set, TrainingSettings.Default) is { } saved)
                {
                    log.LogInformation("Loaded the problem classifier from {Path}", ModelPath);
                    return Use(saved);
                }
            }
            catch (Exception e) when (e is IOException or InvalidDataException or InvalidOperationException or System.Text.Json.JsonException or FormatException)
            {
                log.LogWarning(e, "The saved problem classifier {Path} could not be read; training a new one", ModelPath);
            }

            var (model, summary) = TrainAndSave(set.WithRelabels(relabels.Read(options.Value.RelabelWeight)));
            log.LogInformation("Trained the problem classifier from {Examples} examples ({Relabels} relabels) in {Seconds:0.0} s", summary.Examples, summary.Relabels, summary.Duration.TotalSeconds);
            return Use(model);
        }
    }

    private ProblemModel Use(ProblemModel model)
    {
        _model = model;
        _ready.TrySetResult();
        return model;
    }

    private (ProblemModel Model, TrainingSummary Summary) TrainAndSave(ProblemTrainingSet set)
    {
        var settings = TrainingSettings.Default;
        var (model, summary) = ModelStore.Train(set, settings, time.GetUtcNow().UtcDateTime);
        ModelStore.Save(models, options.Value.ModelFile, model, new ModelInfo(set.BaseFingerprint(settings), settings.ToString(), summary.TrainedAt, summary.Examples, summary.Relabels, summary.Duration.TotalSeconds));
        return (model, summary);
    }
}
