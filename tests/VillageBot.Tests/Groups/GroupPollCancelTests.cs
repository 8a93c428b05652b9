using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Polls;
using VillageBot.Infrastructure.Jobs;
using VillageBot.TestKit;

namespace VillageBot.Tests.Groups;

/// <summary>Cancelling a scheduled poll's broadcast cancels its post in the village group as well.</summary>
public sealed class GroupPollCancelTests : GroupTest
{
    protected override bool UsesFakeClock => true;

    private PollStore Polls => Host.Services.GetRequiredService<PollStore>();

    [Fact]
    public async Task A_cancelled_poll_is_not_posted_in_the_group_when_its_time_comes()
    {
        var (group, coordinator) = await LinkedGroupAsync("en");
        var resident = await MemberAsync("en");
        var scheduled = await CreateGroupPollAsync(coordinator, "grp:anon", "tom09");
        var poll = Polls.Polls.FindAll().Single();
        var jobs = Host.Services.GetRequiredService<IJobScheduler>();
        Assert.NotNull(jobs.DueAt(jobs.KeyOf<PollGroupJob>(PollGroupJob.Arg(poll.Id))));

        coordinator.ClickData(scheduled.MessageId, "bc:drop:" + poll.BroadcastId);
        var cancelled = await coordinator.ExpectTextAsync("Sending cancelled");
        // The poll is closed by a job of its own, which a worker may have taken but not yet marked as running.
        await Wait.UntilAsync(() => Polls.Polls.FindById(poll.Id)!.ClosedAt is not null);
        await Host.IdleAsync();
        Assert.Null(jobs.DueAt(jobs.KeyOf<PollGroupJob>(PollGroupJob.Arg(poll.Id))));

        Advance(TimeSpan.FromDays(2));
        await Host.IdleAsync();

        // Even a group job that had already been taken by a worker posts nothing for the cancelled poll.
        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PollGroupJob>().RunAsync(PollGroupJob.Arg(poll.Id), CancellationToken.None);
        }

        await Host.IdleAsync();
        Assert.DoesNotContain(Api.Events(group.ChatId), e => e.Method is "sendPoll" or "stopPoll");
        Assert.DoesNotContain(Api.Events(resident.Id), e => e.Method == "sendPoll");
        Assert.Empty(Polls.GroupMessagesOf(poll.Id));
        Assert.DoesNotContain(Api.Events(coordinator.Id), e => e.Seq > cancelled.Seq && e.Method.StartsWith("send", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_cancelled_poll_already_posted_in_the_group_is_stopped_there()
    {
        var (group, coordinator) = await LinkedGroupAsync("en");
        var resident = await MemberAsync("en");
        var scheduled = await CreateGroupPollAsync(coordinator, "grp:named", "tom09");
        var poll = Polls.Polls.FindAll().Single();

        // The group's post went out first (its job ran) while the residents' broadcast still waits for its time.
        using (var scope = Host.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<PollGroupJob>().RunAsync(PollGroupJob.Arg(poll.Id), CancellationToken.None);
        }

        var posted = await group.ExpectAsync(e => e.Method == "sendPoll");
        coordinator.ClickData(scheduled.MessageId, "bc:drop:" + poll.BroadcastId);
        await coordinator.ExpectTextAsync("Sending cancelled");

        var stopped = await group.ExpectAsync(e => e.Method == "stopPoll");
        Assert.Equal(posted.MessageId, stopped.MessageId);
        await Host.IdleAsync();
        Assert.True(Assert.Single(Polls.GroupMessagesOf(poll.Id)).Stopped);

        Advance(TimeSpan.FromDays(2));
        await Host.IdleAsync();
        Assert.Single(Api.Events(group.ChatId), e => e.Method == "sendPoll");
        Assert.Single(Api.Events(group.ChatId), e => e.Method == "stopPoll");
        Assert.DoesNotContain(Api.Events(resident.Id), e => e.Method == "sendPoll");
    }
}
