using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.MachineLearning;
using VillageBot.Infrastructure.Storage;
using VillageBot.Features.Reports;
using VillageBot.Features.Reports.Classification;
using VillageBot.TestKit;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>The classifier inside the real host: start-up training, relabels stored in LiteDB, the command line beside a running bot.</summary>
public sealed class ClassifierHostTests
{
    private const string Text = "Pie veikala stāvlaukumā vakaros pulcējas jaunieši ar mašīnām un skaļu mūziku";

    [Fact]
    public async Task The_host_trains_and_saves_the_model_in_the_background_when_it_is_missing()
    {
        var logs = new LogCapture();
        await using var host = await BotHost.StartAsync(null, settings: new Dictionary<string, string?> { ["Classifier:TrainAtStartup"] = "true" }, configure: s => s.AddSingleton<ILoggerProvider>(logs));
        var classifier = host.Services.GetRequiredService<ProblemClassifier>();

        // The start-up work ends when the model is trained and saved, or when it gave up (then the log says why).
        var startup = host.Services.GetServices<IHostedService>().OfType<ClassifierStartup>().Single();
        await startup.ExecuteTask!.WaitAsync(TimeSpan.FromMinutes(5));
        Assert.True(classifier.Ready.IsCompletedSuccessfully, string.Join('\n', logs.Entries.Select(e => $"{e.Category}: {e.Message} {e.Exception}")));

        Assert.NotNull(host.Services.GetRequiredService<ITrainedModels>().Read("classifier.zip"));
        Assert.Same(classifier, host.Services.GetRequiredService<IProblemClassifier>());
        Assert.Equal("transport", classifier.Classify("Uz ceļa pie skolas ir milzīgas bedres").Category);
    }

    [Fact]
    public async Task A_relabel_stored_by_an_admin_changes_the_prediction_after_retraining()
    {
        await using var host = await BotHost.StartAsync(null);
        var classifier = host.Services.GetRequiredService<IProblemClassifier>();
        var before = classifier.Classify(Text);
        var target = before.Category == "safety" ? "community" : "safety";

        StoreRelabel(host, Text, before.Category, target);
        var summary = classifier.Retrain();

        Assert.Equal(1, summary.Relabels);
        Assert.Equal(target, classifier.Classify(Text).Category);
    }

    [Fact]
    public async Task The_command_line_reads_relabels_while_the_bot_has_the_database_open()
    {
        await using var host = await BotHost.StartAsync(null);
        StoreRelabel(host, Text, "community", "safety");
        host.Db.Collection<Report>("reports").Insert(new Report { Text = "not relabelled", Category = "transport", Reference = "R-2" });

        var relabels = RelabelSources.Of(host.Services.GetRequiredService<IOptions<StorageOptions>>().Value).Read(3);

        var relabel = Assert.Single(relabels);
        Assert.Equal((Text, "safety", 3f), (relabel.Text, relabel.Label, relabel.Weight));
        Assert.Equal(2, host.Db.Collection<Report>("reports").Count());
    }

    internal static void StoreRelabel(BotHost host, string text, string category, string relabeled) =>
        host.Db.Collection<Report>("reports").Insert(new Report
        {
            Reference = "R-1",
            Text = text,
            Lang = "lv",
            Category = category,
            PredictedCategory = category,
            RelabeledCategory = relabeled,
            CreatedAt = DateTime.UtcNow,
        });
}
