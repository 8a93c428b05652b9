namespace VillageBot.Features.Reports.Classification;

/// <summary>Proposes a category for a problem report, with how sure it is.</summary>
public interface IProblemClassifier
{
    ClassificationResult Classify(string text);

    /// <summary>Trains again from the problem data plus the admins' relabels and swaps the model in.</summary>
    void Retrain();
}

/// <summary>The proposed category, its confidence and pillar, the probability of every category, and whether a person should check it.</summary>
public sealed record ClassificationResult(string Category, double Confidence, string Pillar, IReadOnlyDictionary<string, double> Scores, bool NeedsReview);
