namespace VillageBot.Features.FreeText;

/// <summary>Feature and trainer settings of the intent model; <see cref="Default"/> is what <c>eval-intent --tune</c> chose on the dev split.</summary>
public sealed record IntentSettings
{
    public static readonly IntentSettings Default = new();

    /// <summary>Word n-grams over the folded words: 2 = uni- and bigrams.</summary>
    public int WordNgrams { get; init; } = 2;

    /// <summary>Longest character n-gram over the folded text.</summary>
    public int CharNgrams { get; init; } = 3;

    /// <summary>All character n-grams up to <see cref="CharNgrams"/> (true) or that length only.</summary>
    public bool AllCharLengths { get; init; } = true;

    public float L2 { get; init; } = 0.01f;

    public int MaxIterations { get; init; } = 50;

    public override string ToString() => $"words={WordNgrams} chars={(AllCharLengths ? "1-" : "")}{CharNgrams} l2={L2} iter={MaxIterations}";
}
