using System.ComponentModel.DataAnnotations;

namespace VillageBot.Infrastructure.Storage;

public enum StorageProvider
{
    /// <summary>One file in the data folder, nothing to install: the default.</summary>
    LiteDb,

    /// <summary>A PostgreSQL database named by Storage:ConnectionString.</summary>
    PostgreSql,
}

public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>Where the features' documents are kept.</summary>
    public StorageProvider Provider { get; set; } = StorageProvider.LiteDb;

    /// <summary>The PostgreSQL connection string (Host=…;Database=…;Username=…;Password=…), from the environment (Storage__ConnectionString).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Folder for the LiteDB file, the job store and the trained model. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "var";

    public string ResolvedDirectory => Path.GetFullPath(DataDirectory);

    /// <summary>
    /// With several instances on PostgreSQL: how long an instance holds a chat it handles without renewing (each update
    /// renews it). A dead instance's chats move to another instance after this long.
    /// </summary>
    [Range(1, 600)]
    public int ChatLeaseSeconds { get; set; } = 30;

    /// <summary>
    /// LiteDB: the page cache, in megabytes, above which the store lets it go (<see cref="LiteDbStore.TrimCache"/>);
    /// 0 keeps it for the life of the process.
    /// </summary>
    [Range(0, 65536)]
    public int CacheTrimMb { get; set; } = 16;

    /// <summary>
    /// LiteDB: the least time between two trims of the page cache. Under steady heavy load the cache grows back, and
    /// each trim costs a brief wait for the reads and writes arriving meanwhile and a full garbage collection.
    /// </summary>
    [Range(1, 86400)]
    public int CacheTrimIntervalSeconds { get; set; } = 60;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(DataDirectory) || DataDirectory.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            yield return new ValidationResult($"Storage:DataDirectory '{DataDirectory}' is not a folder path (for example var or /srv/villagebot).", [nameof(DataDirectory)]);
        }
        else if (File.Exists(DataDirectory))
        {
            yield return new ValidationResult($"Storage:DataDirectory '{DataDirectory}' is a file; it must be a folder (created when missing).", [nameof(DataDirectory)]);
        }

        if (Provider == StorageProvider.PostgreSql && !IsConnectionString(ConnectionString))
        {
            yield return new ValidationResult("Storage:Provider PostgreSql needs Storage:ConnectionString (for example Host=localhost;Database=villagebot;Username=villagebot; the password from the environment).", [nameof(ConnectionString)]);
        }
    }

    private static bool IsConnectionString(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return false;
        }

        try
        {
            return !string.IsNullOrEmpty(new Npgsql.NpgsqlConnectionStringBuilder(value).Host);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
