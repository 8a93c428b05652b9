using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports.Classification;

public sealed class ClassifierEvaluationTests
{
    [Fact]
    public void Macro_F1_averages_the_F1_of_each_category()
    {
        Outcome[] outcomes =
        [
            new("a", "a", "lv", 1), new("a", "a", "lv", 1), new("a", "b", "lv", 1),
            new("b", "b", "en", 1), new("b", "a", "en", 1),
        ];

        // all: a has tp 2, fp 1, fn 1 → 2/3; b has tp 1, fp 1, fn 1 → 1/2. Latvian only: a → 4/5, b (never right) → 0.
        Assert.Equal((2.0 / 3 + 0.5) / 2, ClassifierEvaluation.MacroF1(outcomes), 9);
        Assert.Equal(0.4, ClassifierEvaluation.MacroF1ByLanguage(outcomes)["lv"], 9);
    }

    [Fact]
    public void A_sample_keeps_the_share_of_every_category_and_language()
    {
        var examples = Enumerable.Range(0, 100).Select(i => new LabeledText("t" + i, i % 2 == 0 ? "transport" : "safety", i % 4 < 2 ? "lv" : "en")).ToList();

        var sample = ClassifierEvaluation.Sample(examples, 0.2);

        Assert.Equal(20, sample.Count);
        Assert.All(sample.GroupBy(e => (e.Label, e.Lang)), g => Assert.Equal(5, g.Count()));
        Assert.Equal(sample, ClassifierEvaluation.Sample(examples, 0.2));
    }
}
