using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.MachineLearning;

/// <summary>A trained model as it was saved: ML.NET's zip, and what it was trained from (JSON with its fingerprint).</summary>
public sealed record SavedModel(byte[] Model, string Info);

/// <summary>
/// Where trained models are kept, by name (the model's file name, e.g. classifier.zip). On LiteDB they are files in the
/// data directory. On PostgreSQL they are in the database, so an instance loads the model another one trained instead of
/// training its own, and loads a retrained one the next time it loads its model.
/// </summary>
public interface ITrainedModels
{
    /// <summary>Where the model <paramref name="name"/> is kept (a file path, or the database and the model's name).</summary>
    string Where(string name);

    SavedModel? Read(string name);

    /// <summary>Replaces the model and its info together: a reader sees the previous pair or the new one.</summary>
    void Save(string name, SavedModel model);
}

public static class TrainedModels
{
    /// <summary>The bot's: in the database on PostgreSQL, files in the data directory on LiteDB.</summary>
    public static IServiceCollection AddTrainedModels(this IServiceCollection services) =>
        services.AddSingleton<ITrainedModels>(sp =>
        {
            var storage = sp.GetRequiredService<IOptions<StorageOptions>>().Value;
            return storage.Provider == StorageProvider.PostgreSql ? new ModelDocuments(sp.GetRequiredService<IDocumentStore>()) : new ModelFiles(storage.ResolvedDirectory);
        });

    /// <summary>The command line's: the same place the bot of these settings uses, read and written beside it.</summary>
    public static ITrainedModels Of(StorageOptions storage) =>
        storage.Provider == StorageProvider.PostgreSql ? new PostgreSqlModels(storage.ConnectionString!) : new ModelFiles(storage.ResolvedDirectory);
}

/// <summary>Each model a file in the data directory, its info beside it (classifier.json beside classifier.zip).</summary>
public sealed class ModelFiles(string directory) : ITrainedModels
{
    public static string InfoPath(string modelPath) => Path.ChangeExtension(modelPath, ".json");

    public string Where(string name) => Path.Combine(directory, name);

    public SavedModel? Read(string name)
    {
        var path = Where(name);
        return File.Exists(path) && File.Exists(InfoPath(path)) ? new SavedModel(File.ReadAllBytes(path), File.ReadAllText(InfoPath(path))) : null;
    }

    /// <summary>Both files are written beside the saved ones and then moved over them, so a crash leaves the previous pair.</summary>
    public void Save(string name, SavedModel model)
    {
        var path = Where(name);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllBytes(path + ".tmp", model.Model);
        File.WriteAllText(InfoPath(path) + ".tmp", model.Info);
        File.Move(path + ".tmp", path, overwrite: true);
        File.Move(InfoPath(path) + ".tmp", InfoPath(path), overwrite: true);
    }
}

/// <summary>A trained model in the database: one document per model name, the model and its info in one row.</summary>
[StoredIn(ModelDocuments.CollectionName)]
public sealed class StoredModel
{
    public string Id { get; set; } = "";

    public string Info { get; set; } = "";

    public byte[] Model { get; set; } = [];
}

/// <summary>The models in the document store, so that every instance on the database uses the same ones.</summary>
public sealed class ModelDocuments(IDocumentStore store) : ITrainedModels
{
    public const string CollectionName = "trained_models";

    private IDocumentCollection<StoredModel> Models => store.Collection<StoredModel>(CollectionName);

    public string Where(string name) => $"{store.Location} {CollectionName}/{name}";

    public SavedModel? Read(string name) => Models.FindById(name) is { } saved ? new SavedModel(saved.Model, saved.Info) : null;

    public void Save(string name, SavedModel model) => Models.Upsert(new StoredModel { Id = name, Info = model.Info, Model = model.Model });
}

/// <summary>The PostgreSQL database of a bot that may be running, opened for each use (the command line's).</summary>
public sealed class PostgreSqlModels(string connectionString) : ITrainedModels
{
    public string Where(string name) => $"{PostgreSqlStore.LocationOf(connectionString)} {ModelDocuments.CollectionName}/{name}";

    public SavedModel? Read(string name) => Use(models => models.Read(name));

    public void Save(string name, SavedModel model) => Use(models =>
    {
        models.Save(name, model);
        return true;
    });

    private T Use<T>(Func<ModelDocuments, T> use)
    {
        using var store = new PostgreSqlStore(connectionString);
        return use(new ModelDocuments(store));
    }
}
