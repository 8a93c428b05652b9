using System.ComponentModel.DataAnnotations;

namespace VillageBot.Infrastructure.Storage;

public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    /// <summary>Folder for the LiteDB file, the job store and the trained model. Relative paths are taken from the working directory.</summary>
    public string DataDirectory { get; set; } = "var";

    public string ResolvedDirectory => Path.GetFullPath(DataDirectory);

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
    }
}
