using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Reports.Classification;

/// <summary>Where admin relabels are read from when training.</summary>
public interface IRelabelSource
{
    List<LabeledText> Read(float weight);
}

/// <summary>Where the command line reads relabels: the database the bot's settings name, read beside a running bot.</summary>
public static class RelabelSources
{
    public static IRelabelSource Of(StorageOptions storage) =>
        storage.Provider == StorageProvider.PostgreSql
            ? new PostgreSqlRelabelSource(storage.ConnectionString!)
            : new FileRelabelSource(Path.Combine(storage.ResolvedDirectory, LiteDbStore.FileName));
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

/// <summary>The PostgreSQL database of a bot that may be running (PostgreSQL serves both at once). No reports means no relabels.</summary>
public sealed class PostgreSqlRelabelSource(string connectionString) : IRelabelSource
{
    public List<LabeledText> Read(float weight)
    {
        using var store = new PostgreSqlStore(connectionString);
        return TrainingData.Relabels(
            store.CollectionExists(ReportStore.CollectionName) ? store.Collection<Report>(ReportStore.CollectionName).Find(ReportStore.IsRelabeled) : [],
            weight);
    }
}
