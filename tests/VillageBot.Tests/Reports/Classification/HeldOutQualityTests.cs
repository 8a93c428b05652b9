using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>The goal of the classifier, measured on the independent held-out set (never used for training or tuning).</summary>
public sealed class HeldOutQualityTests(ClassifierFixture fixture) : IClassFixture<ClassifierFixture>
{
    private readonly List<Outcome> _outcomes = ClassifierEvaluation.Evaluate(fixture.Classifier.Current, ProblemTrainingSet.ReadHeldOut(ClassifierFixture.DataPath));

    [Fact]
    public void Held_out_macro_F1_is_at_least_0_85()
    {
        var f1 = ClassifierEvaluation.MacroF1(_outcomes);

        Assert.True(f1 >= 0.85, $"held-out macro-F1 {f1:0.000}\n{ClassifierEvaluation.ConfusionMatrix(_outcomes)}");
    }

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    [InlineData("ru")]
    public void Held_out_macro_F1_is_at_least_0_80_in_each_language(string lang)
    {
        var f1 = ClassifierEvaluation.MacroF1([.. _outcomes.Where(o => o.Lang == lang)]);

        Assert.True(f1 >= 0.80, $"held-out macro-F1 for {lang}: {f1:0.000}");
    }

    [Fact]
    public void The_held_out_set_shares_no_text_with_the_training_data()
    {
        var training = ProblemTrainingSet.Load(ClassifierFixture.DataPath, []).Files.Select(e => Folding.Fold(e.Text).Trim()).ToHashSet();

        // Only the count is shown on failure: the held-out texts must stay unseen.
        Assert.Equal(0, ProblemTrainingSet.ReadHeldOut(ClassifierFixture.DataPath).Count(e => training.Contains(Folding.Fold(e.Text).Trim())));
    }
}
