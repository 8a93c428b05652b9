using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.MachineLearning;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Tests.Reports.Classification;

/// <summary>One classifier trained on data/problems for a whole test class, in its own data directory.</summary>
public sealed class ClassifierFixture : IDisposable
{
    public ClassifierFixture()
    {
        Classifier = Create(DataDirectory);
        Classifier.EnsureReady();
    }

    public string DataDirectory { get; } = Path.Combine(Path.GetTempPath(), "villagebot-tests", "classifier-" + Guid.NewGuid().ToString("N"));

    public ProblemClassifier Classifier { get; }

    public static string DataPath => Path.Combine(AppContext.BaseDirectory, "data");

    public static ProblemClassifier Create(string dataDirectory, IRelabelSource? relabels = null, double reviewThreshold = 0.5) => new(
        Options.Create(new ClassifierOptions { ReviewThreshold = reviewThreshold }),
        Options.Create(new ContentOptions { DataPath = DataPath }),
        relabels ?? new ListRelabels(),
        new ModelFiles(Path.GetFullPath(dataDirectory)),
        TimeProvider.System,
        NullLogger<ProblemClassifier>.Instance);

    public void Dispose()
    {
        if (Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    public sealed class ListRelabels : IRelabelSource
    {
        public List<(string Text, string Category)> Items { get; } = [];

        public List<LabeledText> Read(float weight) => [.. Items.Select(i => new LabeledText(i.Text, i.Category, LanguageDetector.Detect(i.Text), weight))];
    }
}
