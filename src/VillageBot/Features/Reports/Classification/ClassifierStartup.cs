using Microsoft.Extensions.Options;

namespace VillageBot.Features.Reports.Classification;

/// <summary>
/// Loads the saved model at start-up, or trains one in the background when it is missing or stale, so the host starts
/// at once. A report classified before the model is ready waits for it.
/// </summary>
public sealed class ClassifierStartup(ProblemClassifier classifier, IOptions<ClassifierOptions> options, ILogger<ClassifierStartup> log) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => !options.Value.TrainAtStartup
        ? Task.CompletedTask
        : Task.Run(
            () =>
            {
                try
                {
                    classifier.EnsureReady();

                    // Training is a one-off spike of large arrays; give the memory back to the system instead of
                    // keeping it reserved for the rest of the process's life.
                    GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
                }
                catch (Exception e) when (e is IOException or InvalidDataException or UnauthorizedAccessException or InvalidOperationException)
                {
                    log.LogError(e, "The problem classifier could not be prepared at start-up; it will try again on the first report");
                }
            },
            stoppingToken);
}
