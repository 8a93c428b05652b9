using System.Globalization;
using Hangfire;
using Microsoft.Extensions.Options;
using VillageBot.Features.Groups;
using VillageBot.Features.Nudges;
using VillageBot.Features.Sending;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Digest;

/// <summary>A village's digest of a month, posted in its group; the id is "YYYY-MM:VILLAGE".</summary>
[StoredIn("group_digests")]
public sealed class GroupDigestPost
{
    [DocumentId]
    public string Id { get; set; } = "";

    public long ChatId { get; set; }

    public DateTime PostedAt { get; set; }
}

/// <summary>
/// The digest run's part for village groups (a recurring job on the nudge scan's schedule): once a month's digest is
/// due and out of the quiet hours, each linked group whose coordinator chose it (/digest on) gets its village's
/// digest in the group's language — aggregates only — through the group's outbox and pacer. Each post is recorded
/// under its key before it is queued, so a rerun, a restart or a crash never posts it twice.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class GroupDigestJob(VillageDigest digest, GroupLinks links, GroupOutbox outbox, QuietHours quiet, IDocumentStore db, TimeProvider time, ILogger<GroupDigestJob> log) : IJob
{
    private IDocumentCollection<GroupDigestPost> Posts => db.Collection<GroupDigestPost>("group_digests");

    public Task RunAsync(string arg, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (digest.DueBy(now, now) is not { } run || now < quiet.NextAllowed(run.Due))
        {
            return Task.CompletedTask;
        }

        var month = run.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
        foreach (var link in links.PostingDigest())
        {
            var key = $"{month}:{link.VillageId.ToString(CultureInfo.InvariantCulture)}";
            if (Posts.FindById(key) is not null || digest.Gather(link.VillageId, run.Month).IsEmpty)
            {
                continue;
            }

            Posts.Insert(new GroupDigestPost { Id = key, ChatId = link.Id, PostedAt = now });
            outbox.Add(link.Id, null, digest.GroupText(link.VillageId, run.Month, link.Lang), null);
            log.LogInformation("The digest of {Month} posted in the group of village {Village}", month, link.VillageId);
        }

        return Task.CompletedTask;
    }
}

/// <summary>Looks for group digests to post as often as the nudge scan plans the members' ones.</summary>
public sealed class GroupDigestStart(IJobScheduler jobs, IOptions<NudgeOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.Recurring<GroupDigestJob>("digest-groups", options.Value.ScanCron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
