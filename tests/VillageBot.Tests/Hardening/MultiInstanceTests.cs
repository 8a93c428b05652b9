using VillageBot.TestKit;
using VillageBot.Tests.Infrastructure.Storage;

namespace VillageBot.Tests.Hardening;

/// <summary>
/// Two instances of the real program on one PostgreSQL database behind a round-robin load balancer, Telegram posting
/// to the webhook (<see cref="TwoInstanceDrill"/>): every update is handled by one of them, one chat's updates in order
/// even when they alternate between the instances, and when one instance is killed the other takes over its chats and
/// its broadcast. Two processes under load: run alone, after the other tests. The benchmark's "failover" section runs
/// the same drill with 10,000 updates and 10,000 residents.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class MultiInstanceTests(PostgreSqlCluster cluster, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PostgreSqlCluster>, IAsyncLifetime
{
    private TwoInstanceDrill _drill = null!;

    public async Task InitializeAsync() => _drill = await TwoInstanceDrill.StartAsync(cluster.NewDatabase());

    public async Task DisposeAsync() => await _drill.DisposeAsync();

    [Fact]
    public async Task Updates_spread_over_two_instances_are_each_answered_in_order_and_a_killed_instances_chats_move_on()
    {
        const int chats = 150, perChat = 10;
        var outcome = await _drill.UpdatesAsync(chats, perChat, TimeSpan.FromSeconds(120));

        Assert.True(outcome.Lost == 0 && outcome.ChatsInOrder == chats, $"{outcome}\n{_drill.State}");

        // An update that the killed instance answered but had not marked done is answered once more by the other.
        Assert.InRange(outcome.Repeated, 0, chats);
        Assert.InRange(outcome.MostRepeatsInOneChat, 0, 1);
        Assert.All(outcome.ServedBeforeKill, n => Assert.True(n > 0, $"both instances took updates before the kill: {string.Join(", ", outcome.ServedBeforeKill)}"));
        Assert.InRange(outcome.AnsweredBeforeKill, chats * perChat / 3, chats * perChat - 1);
        output.WriteLine($"{outcome.Updates} updates, {outcome.AnsweredBeforeKill} answered before the kill, {outcome.Repeated} answered twice; "
            + $"instances served {string.Join("/", outcome.Served)}, {outcome.Redelivered} deliveries made again");
    }

    [Fact]
    public async Task A_broadcast_whose_instance_is_killed_is_finished_by_the_other_within_telegrams_rate()
    {
        const int residents = 300;
        var outcome = await _drill.BroadcastAsync(residents, perSecond: 25, TimeSpan.FromSeconds(90));

        Assert.InRange(outcome.ReachedBeforeKill, residents / 4, residents - 1);
        Assert.Equal(0, outcome.Lost);
        Assert.InRange(outcome.Repeated, 0, 1);

        // All bulk sends of both instances together, in any second: within Telegram's ~30 a second.
        Assert.InRange(outcome.BusiestSecond, 1, 30);
        output.WriteLine($"{residents} residents, {outcome.ReachedBeforeKill} reached before the kill, {outcome.Repeated} twice, busiest second {outcome.BusiestSecond} messages");
    }
}
