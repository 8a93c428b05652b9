using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms.Text;
using VillageBot.Infrastructure.MachineLearning;

namespace VillageBot.Features.Reports.Classification;

/// <summary>A labelled report used for training or evaluation.</summary>
public sealed record LabeledText(string Text, string Label, string Lang, float Weight = 1);

/// <summary>
/// A trained ML.NET pipeline: word n-grams over stems, character n-grams over folded words and the lexicon hits,
/// into a maximum-entropy classifier. <see cref="Predict"/> is safe under concurrency: PredictionEngine is not, so
/// engines are pooled.
/// </summary>
public sealed class ProblemModel
{
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly ProblemFeaturizer _featurizer;
    private readonly PredictionEngines<ProblemInput, ProblemScore> _engines;

    private ProblemModel(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, ProblemFeaturizer featurizer)
    {
        _ml = ml;
        _transformer = transformer;
        InputSchema = inputSchema;
        _featurizer = featurizer;
        _engines = new PredictionEngines<ProblemInput, ProblemScore>(ml, transformer, inputSchema);
        Labels = _engines.SlotNames("Score");
    }

    /// <summary>Category ids in the order of the model's scores.</summary>
    public IReadOnlyList<string> Labels { get; }

    private DataViewSchema InputSchema { get; }

    public static ProblemModel Train(IReadOnlyList<LabeledText> examples, ProblemLexicon lexicon, TrainingSettings settings)
    {
        var ml = new MLContext(seed: 1);
        var featurizer = new ProblemFeaturizer(lexicon, settings.LexiconScale, settings.Stem);
        var rows = examples.Select(e => featurizer.Featurize(e.Text, e.Label, e.Weight)).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var transformer = Pipeline(ml, settings).Fit(data);
        return new ProblemModel(ml, transformer, data.Schema, featurizer);
    }

    public static ProblemModel Load(Stream stream, ProblemLexicon lexicon, TrainingSettings settings)
    {
        var ml = new MLContext(seed: 1);
        var transformer = ml.Model.Load(stream, out var schema);
        return new ProblemModel(ml, transformer, schema, new ProblemFeaturizer(lexicon, settings.LexiconScale, settings.Stem));
    }

    public void Save(Stream stream) => _ml.Model.Save(_transformer, InputSchema, stream);

    /// <summary>Probabilities per category in <see cref="Labels"/> order.</summary>
    public float[] Predict(string text)
    {
        var input = _featurizer.Featurize(text);
        return _engines.Predict(input).Score;
    }

    /// <summary>Many texts at once through the model's Transform (no engine needed).</summary>
    public IReadOnlyList<float[]> PredictBatch(IEnumerable<string> texts)
    {
        var data = _ml.Data.LoadFromEnumerable(texts.Select(t => _featurizer.Featurize(t)), InputSchema);
        return [.. _ml.Data.CreateEnumerable<ProblemScore>(_transformer.Transform(data), reuseRowObject: false).Select(s => s.Score)];
    }

    private static IEstimator<ITransformer> Pipeline(MLContext ml, TrainingSettings s)
    {
        var columns = new List<string> { "WordFeatures", "Lexicon" };
        IEstimator<ITransformer> pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("WordFeatures", TextFeaturizing.Options(new WordBagEstimator.Options { NgramLength = s.WordNgrams, UseAllLengths = true, Weighting = Weighting(s) }, null), "Stems"));
        for (var n = s.MinCharNgram; n <= s.CharNgrams; n++)
        {
            var column = "Char" + n;
            columns.Add(column);
            pipeline = pipeline.Append(ml.Transforms.Text.FeaturizeText(column, TextFeaturizing.Options(null, new WordBagEstimator.Options { NgramLength = n, UseAllLengths = false, Weighting = Weighting(s) }), "Folded"));
        }

        pipeline = pipeline.Append(ml.Transforms.Concatenate("Features", [.. columns]));
        pipeline = s.Trainer switch
        {
            "lbfgs" => pipeline.Append(ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new Microsoft.ML.Trainers.LbfgsMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = s.L1, L2Regularization = s.L2, MaximumNumberOfIterations = s.MaxIterations, ExampleWeightColumnName = "Weight",
            })),
            _ => pipeline.Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new Microsoft.ML.Trainers.SdcaMaximumEntropyMulticlassTrainer.Options
            {
                L1Regularization = s.L1, L2Regularization = s.L2, MaximumNumberOfIterations = s.MaxIterations, ExampleWeightColumnName = "Weight", NumberOfThreads = 1,
            })),
        };
        return pipeline;
    }

    private static NgramExtractingEstimator.WeightingCriteria Weighting(TrainingSettings s) =>
        s.TfIdf ? NgramExtractingEstimator.WeightingCriteria.TfIdf : NgramExtractingEstimator.WeightingCriteria.Tf;
}

/// <summary>The model's output: one probability per category.</summary>
public sealed class ProblemScore
{
    public float[] Score { get; set; } = [];
}
