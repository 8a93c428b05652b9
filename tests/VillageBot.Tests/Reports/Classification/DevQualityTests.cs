using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>
/// The classifier on the blind dev split (written without seeing the training data). Settings and training examples
/// are chosen on it, so it guards against regressions; the final figures come from the held-out test split, which no
/// test evaluates.
/// </summary>
public sealed class DevQualityTests(ClassifierFixture fixture) : IClassFixture<ClassifierFixture>
{
    private readonly List<Outcome> _outcomes = ClassifierEvaluation.Evaluate(fixture.Classifier.Current, ProblemTrainingSet.ReadDev(ClassifierFixture.DataPath));

    [Fact]
    public void Dev_macro_F1_is_at_least_0_90()
    {
        var f1 = ClassifierEvaluation.MacroF1(_outcomes);

        Assert.True(f1 >= 0.90, $"dev macro-F1 {f1:0.000}\n{ClassifierEvaluation.ConfusionMatrix(_outcomes)}");
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    [InlineData("ru")]
    public void Dev_macro_F1_is_at_least_0_80_in_each_language(string lang)
    {
        var f1 = ClassifierEvaluation.MacroF1([.. _outcomes.Where(o => o.Lang == lang)]);

        Assert.True(f1 >= 0.80, $"dev macro-F1 for {lang}: {f1:0.000}");
    }
}
