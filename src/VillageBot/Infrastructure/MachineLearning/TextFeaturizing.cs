using Microsoft.ML.Transforms.Text;

namespace VillageBot.Infrastructure.MachineLearning;

/// <summary>
/// How the text models turn a column of text into features: the given word or character n-grams of text already
/// folded or stemmed (so no case change and no stop words here), diacritics and numbers kept, punctuation dropped,
/// each vector L2-normed.
/// </summary>
public static class TextFeaturizing
{
    public static TextFeaturizingEstimator.Options Options(WordBagEstimator.Options? words, WordBagEstimator.Options? chars) => new()
    {
        WordFeatureExtractor = words,
        CharFeatureExtractor = chars,
        CaseMode = TextNormalizingEstimator.CaseMode.None,
        KeepDiacritics = true,
        KeepPunctuations = false,
        KeepNumbers = true,
        StopWordsRemoverOptions = null,
        Norm = TextFeaturizingEstimator.NormFunction.L2,
    };
}
