namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// Trainer and feature settings. <see cref="Default"/> is what 5-fold cross-validation on data/problems chose
/// (see <c>train --tune</c>); the held-out set was never used to pick them.
/// </summary>
public sealed record TrainingSettings
{
    public static readonly TrainingSettings Default = new();

    /// <summary>"sdca" (SdcaMaximumEntropy) or "lbfgs" (LbfgsMaximumEntropy).</summary>
    public string Trainer { get; init; } = "lbfgs";

    public float L2 { get; init; } = 0.01f;

    public float L1 { get; init; }

    public int MaxIterations { get; init; } = 100;

    /// <summary>Word n-grams over stems: 1 = unigrams, 2 = uni- and bigrams.</summary>
    public int WordNgrams { get; init; } = 1;

    /// <summary>Longest character n-gram over the folded words (all shorter lengths from <see cref="MinCharNgram"/> are included).</summary>
    public int CharNgrams { get; init; } = 4;

    public int MinCharNgram { get; init; } = 3;

    public float LexiconScale { get; init; } = 0.25f;

    public bool TfIdf { get; init; } = true;

    /// <summary>Word features from stems (true) or from the folded words as typed (false, for comparison).</summary>
    public bool Stem { get; init; } = true;

    public override string ToString() =>
        $"{Trainer} l2={L2} l1={L1} iter={MaxIterations} words={WordNgrams} chars={MinCharNgram}-{CharNgrams} lexicon={LexiconScale} tfidf={TfIdf} stem={Stem}";
}
