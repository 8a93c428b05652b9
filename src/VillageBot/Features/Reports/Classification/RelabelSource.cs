using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports.Classification;

/// <summary>Where admin relabels are read from when training.</summary>
public interface IRelabelSource
{
    List<LabeledText> Read(float weight);
}

/// <summary>The bot's own database.</summary>
public sealed class DbRelabelSource(ReportStore store) : IRelabelSource
{
    public List<LabeledText> Read(float weight) => TrainingData.Relabels(store.Relabeled(), weight);
}

/// <summary>
/// The database file of a bot that may be running, read beside it, so the command line can train while the bot
/// runs. No file means no relabels.
/// </summary>
public sealed class FileRelabelSource(string databasePath) : IRelabelSource
{
    public List<LabeledText> Read(float weight) =>
        TrainingData.Relabels(LiteDbStore.ReadShared(databasePath, ReportStore.CollectionName, ReportStore.IsRelabeled), weight);
}
