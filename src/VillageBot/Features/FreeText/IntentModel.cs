using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.MachineLearning;

namespace VillageBot.Features.FreeText;

/// <summary>A text labelled question, problem or chitchat, with its weight in training.</summary>
public sealed record IntentExample(string Text, string Label, string Lang, float Weight = 1);

/// <summary>
/// The trained question / problem / chit-chat model: character n-grams over the folded text (they survive typos,
/// missing diacritics and Latvian and Russian endings), word uni- and bigrams, and a few cues a bag of n-grams cannot
/// see ("?", a question word first, length) into a maximum-entropy classifier. PredictionEngine is not thread-safe,
/// so engines are pooled.
/// </summary>
public sealed class IntentModel
{
    public const string Question = "question";
    public const string Problem = "problem";
    public const string Chitchat = "chitchat";

    public static readonly IReadOnlyList<string> Intents = [Question, Problem, Chitchat];

    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;
    private readonly PredictionEngines<IntentInput, IntentScore> _engines;
    private readonly int[] _order;

    private IntentModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        _engines = new PredictionEngines<IntentInput, IntentScore>(ml, transformer, inputSchema);
        var labels = _engines.SlotNames("Score").ToList();
        _order = [.. Intents.Select(i => labels.IndexOf(i))];
    }

    public static IntentModel Train(IReadOnlyList<IntentExample> examples, IntentSettings? settings = null)
    {
        var ml = new MLContext(seed: 1);
        var data = ml.Data.LoadFromEnumerable(examples.Select(e => IntentFeatures.Of(e.Text, e.Label, e.Weight)));
        return new IntentModel(ml, Pipeline(ml, settings ?? IntentSettings.Default).Fit(data), data.Schema);
    }

    public static IntentModel Load(Stream stream)
    {
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(stream, out var schema);
        return new IntentModel(ml, transformer, schema);
    }

    public void Save(Stream stream) => _ml.Model.Save(_transformer, _inputSchema, stream);

    /// <summary>Probabilities in <see cref="Intents"/> order.</summary>
    public float[] Predict(string text)
    {
        var input = IntentFeatures.Of(text);
        var raw = _engines.Predict(input).Score;
        return [.. _order.Select(i => i < 0 ? 0f : raw[i])];
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, IntentSettings s) =>
        ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("Words", TextFeaturizing.Options(new WordBagEstimator.Options { NgramLength = s.WordNgrams, UseAllLengths = true, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf }, null), nameof(IntentInput.Folded)))
            .Append(ml.Transforms.Text.FeaturizeText("Chars", TextFeaturizing.Options(null, new WordBagEstimator.Options { NgramLength = s.CharNgrams, UseAllLengths = s.AllCharLengths, Weighting = NgramExtractingEstimator.WeightingCriteria.TfIdf }), nameof(IntentInput.Folded)))
            .Append(ml.Transforms.Concatenate("Features", "Words", "Chars", nameof(IntentInput.Cues)))
            .Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L2Regularization = s.L2, MaximumNumberOfIterations = s.MaxIterations, ExampleWeightColumnName = nameof(IntentInput.Weight),
            }));
}

/// <summary>The model's output: one probability per intent, in the order of the trained label keys.</summary>
public sealed class IntentScore
{
    public float[] Score { get; set; } = [];
}
