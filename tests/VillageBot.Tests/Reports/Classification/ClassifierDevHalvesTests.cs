using VillageBot.Features.Reports.Classification;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>The dev halves that train the classifier are read as training reports and left out of its dev figures.</summary>
public sealed class ClassifierDevHalvesTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "villagebot-classifier-devhalves-" + Guid.NewGuid().ToString("N"));

    public ClassifierDevHalvesTests()
    {
        foreach (var batch in new[] { "blindA", "blindB" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_data, "eval", batch)).FullName;
            foreach (var split in new[] { "dev", "test" })
            {
                File.WriteAllText(Path.Combine(folder, $"problems.{split}.jsonl"), $"{{\"id\": \"{batch}-{split}\", \"text\": \"the bridge is broken\", \"label\": \"transport\", \"lang\": \"en\"}}\n");
            }
        }

        var problems = Directory.CreateDirectory(Path.Combine(_data, "problems")).FullName;
        File.WriteAllText(Path.Combine(problems, "transport.jsonl"), "{\"text\": \"pothole on the road\", \"label\": \"transport\", \"lang\": \"en\"}\n");
    }

    [Fact]
    public void The_dev_halves_folder_trains_the_classifier_and_a_listed_batch_is_no_longer_scored()
    {
        var devHalves = Directory.CreateDirectory(ProblemTrainingSet.DevHalvesDirectory(_data)).FullName;
        File.WriteAllLines(Path.Combine(devHalves, "batches.txt"), ["# dev halves that train the classifier", "blindA"]);
        File.WriteAllText(Path.Combine(devHalves, "energy.jsonl"), "{\"text\": \"no power since morning\", \"label\": \"energy\", \"lang\": \"en\"}\n");

        var set = ProblemTrainingSet.Load(_data, []);

        Assert.Equal(["pothole on the road", "no power since morning"], set.Files.Select(f => f.Text).Order(StringComparer.Ordinal).Reverse());
        Assert.Equal([Path.Combine(_data, "eval", "blindB", "problems.dev.jsonl")], ProblemTrainingSet.DevFiles(_data));
        Assert.Equal(2, ProblemTrainingSet.HeldOutFiles(_data).Count);
    }

    [Fact]
    public void Without_the_folder_only_the_project_s_reports_train_and_every_dev_half_is_scored()
    {
        Assert.Equal(["pothole on the road"], ProblemTrainingSet.Load(_data, []).Files.Select(f => f.Text));
        Assert.Equal(2, ProblemTrainingSet.DevFiles(_data).Count);
    }

    [Fact]
    public void The_shipped_classifier_learns_from_dev_halves_and_keeps_some_for_tuning()
    {
        var data = ClassifierFixture.DataPath;
        var learnt = ProblemTrainingSet.DevHalvesInTraining(data);

        Assert.NotEmpty(learnt);
        Assert.NotEmpty(ProblemTrainingSet.DevFiles(data));
        Assert.True(ProblemTrainingSet.Load(data, []).Files.Count > TrainingData.ReadDirectory(ProblemTrainingSet.ProblemsDirectory(data)).Count);
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
