namespace VillageBot.Features.Reports.Classification;

/// <summary>Proposes a category for a problem report. Safe to call from many threads at once.</summary>
public interface IProblemClassifier
{
    /// <summary>Classifies one report. Before the first model is ready (trained at start-up when missing) this waits for it.</summary>
    ClassificationResult Classify(string text);

    /// <summary>False while the first model is still being loaded or trained (<see cref="Classify"/> would wait).</summary>
    bool IsReady => true;

    IReadOnlyList<ClassificationResult> ClassifyBatch(IEnumerable<string> texts);

    /// <summary>Trains a new model from data/problems plus the admins' relabels, saves it and starts using it. Takes seconds: call it off the update path.</summary>
    TrainingSummary Retrain();
}

/// <summary>
/// The proposed category with its probability, its pillar, the probability of every category (they sum to 1) and
/// whether a person should check it (confidence below Classifier:ReviewThreshold).
/// </summary>
public sealed record ClassificationResult(
    string Category,
    double Confidence,
    string Pillar,
    IReadOnlyDictionary<string, double> Scores,
    bool NeedsReview,
    string Language);

/// <summary>What a training run used and how long it took.</summary>
public sealed record TrainingSummary(int Examples, int Relabels, TimeSpan Duration, DateTime TrainedAt);
