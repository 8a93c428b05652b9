namespace VillageBot.Infrastructure.Storage;

public sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Folder for the LiteDB file, the job store and the trained model. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "var";

    public string ResolvedDirectory => Path.GetFullPath(DataDirectory);
}
