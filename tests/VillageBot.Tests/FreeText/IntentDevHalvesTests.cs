using VillageBot.Features.FreeText;

namespace VillageBot.Tests.FreeText;

/// <summary>The dev halves that train the intent model are not scored as dev, and the list that names them is read as written.</summary>
public sealed class IntentDevHalvesTests : IDisposable
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "villagebot-devhalves-" + Guid.NewGuid().ToString("N"));

    public IntentDevHalvesTests()
    {
        foreach (var batch in new[] { "blindA", "blindB" })
        {
            var folder = Directory.CreateDirectory(Path.Combine(_data, "eval", batch)).FullName;
            foreach (var split in new[] { "dev", "test" })
            {
                foreach (var file in new[] { "questions", "offtopic", "problems", "chitchat" })
                {
                    File.WriteAllText(Path.Combine(folder, $"{file}.{split}.jsonl"), $"{{\"text\": \"{batch} {file} {split}\", \"lang\": \"en\"}}\n");
                }
            }
        }

        Directory.CreateDirectory(Path.Combine(_data, "intent"));
    }

    [Fact]
    public void A_batch_whose_dev_half_trains_the_model_is_left_out_of_the_dev_scores_only()
    {
        File.WriteAllLines(Path.Combine(_data, "intent", "dev-halves.txt"), ["# trains the model", "", "  blindA  "]);

        Assert.Equal(["blindA"], IntentTrainingSet.DevHalvesInTraining(_data));
        Assert.All(IntentEvaluation.LoadBlind(_data, "dev"), c => Assert.Equal("blindB", c.Batch));
        Assert.Equal(4, IntentEvaluation.LoadBlind(_data, "dev").Count);
        Assert.Equal(["blindA", "blindB"], IntentEvaluation.LoadBlind(_data, "test").Select(c => c.Batch).Distinct().Order());
    }

    [Fact]
    public void Without_the_list_every_dev_half_is_scored()
    {
        Assert.Empty(IntentTrainingSet.DevHalvesInTraining(_data));
        Assert.Equal(8, IntentEvaluation.LoadBlind(_data, "dev").Count);
    }

    [Fact]
    public void The_shipped_list_names_batches_that_exist_and_leaves_some_dev_halves_for_tuning()
    {
        var data = Path.Combine(AppContext.BaseDirectory, "data");
        var learnt = IntentTrainingSet.DevHalvesInTraining(data);
        var batches = IntentEvaluation.BlindDirectories(data).Select(Path.GetFileName).ToList();

        Assert.NotEmpty(learnt);
        Assert.All(learnt, b => Assert.Contains(b, batches));
        Assert.Contains(batches, b => !learnt.Contains(b!));
        Assert.True(File.Exists(Path.Combine(IntentTrainingSet.Directory(data), "problem.dev-halves.jsonl")));
    }

    public void Dispose() => Directory.Delete(_data, recursive: true);
}
