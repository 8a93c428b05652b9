using System.ComponentModel.DataAnnotations;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.Jobs;

public enum JobStorageKind
{
    /// <summary>A SQLite file in the data directory: nothing to install, survives a crash.</summary>
    Sqlite,

    /// <summary>PostgreSQL, for several instances sharing one job store.</summary>
    PostgreSql,

    /// <summary>Redis, for several instances sharing one job store.</summary>
    Redis,
}

public sealed class JobsOptions : IValidatableObject
{
    public const string Section = "Jobs";

    /// <summary>Where the jobs are kept; unset, they follow Storage:Provider (PostgreSQL's own schema "hangfire" there, else SQLite).</summary>
    public JobStorageKind? Storage { get; set; }

    /// <summary>Connection string for PostgreSql or Redis; ignored for Sqlite. Unset with PostgreSql, Storage:ConnectionString's.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Background jobs that run at the same time in this process.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    /// <summary>How often idle workers look for new jobs, and the schedulers for jobs come due.</summary>
    [Range(10, 60_000)]
    public int PollingIntervalMs { get; set; } = 1000;

    /// <summary>A job that keeps failing is retried until it has run this many times, then left failed in the dashboard.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>
    /// On PostgreSQL: a job whose instance stopped renewing its hold on it (the instance died) is run again by another
    /// instance after this long. The instance running a job renews it all the time, however long the job runs.
    /// </summary>
    [Range(2, 3600)]
    public int TakeOverAfterSeconds { get; set; } = 60;

    public TimeSpan PollingInterval => TimeSpan.FromMilliseconds(PollingIntervalMs);

    /// <summary>The job store in force: the one set, or the one the documents' database implies.</summary>
    public JobStorageKind StorageWith(StorageOptions documents) =>
        Storage ?? (documents.Provider == StorageProvider.PostgreSql ? JobStorageKind.PostgreSql : JobStorageKind.Sqlite);

    public string? ConnectionStringWith(StorageOptions documents) =>
        string.IsNullOrWhiteSpace(ConnectionString) && StorageWith(documents) == JobStorageKind.PostgreSql ? documents.ConnectionString : ConnectionString;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Storage is not null and not JobStorageKind.Sqlite && string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return new ValidationResult($"Jobs:ConnectionString is required when Jobs:Storage is {Storage}.", [nameof(ConnectionString)]);
        }
    }
}
