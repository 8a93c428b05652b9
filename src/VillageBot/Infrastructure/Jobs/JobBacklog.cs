using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace VillageBot.Infrastructure.Jobs;

/// <summary>What the job server still has to do by the bot's clock, read from Hangfire's store.</summary>
public sealed class JobBacklog(JobStorage storage, RunningJobs running, TimeProvider time)
{
    /// <summary>Empty when nothing is queued or running and no scheduled or recurring job has come due.</summary>
    public IReadOnlyList<string> Pending()
    {
        var pending = new List<string>();
        var monitoring = storage.GetMonitoringApi();
        if (monitoring.EnqueuedCount(EnqueuedState.DefaultQueue) is var enqueued and > 0)
        {
            pending.Add($"{enqueued} jobs enqueued");
        }

        if (Math.Max(monitoring.ProcessingCount(), running.Count) is var processing and > 0)
        {
            pending.Add($"{processing} jobs running");
        }

        // The very sets Hangfire's schedulers read, scored by due time.
        var now = JobHelper.ToTimestamp(time.GetUtcNow().UtcDateTime);
        using var connection = storage.GetConnection();
        foreach (var set in (string[])["schedule", "recurring-jobs"])
        {
            if (connection.GetFirstByLowestScoreFromSet(set, 0, now) is { } due)
            {
                pending.Add($"{set}: {due} has come due");
            }
        }

        return pending;
    }
}
