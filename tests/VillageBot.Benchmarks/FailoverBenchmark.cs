using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>
/// The two-instance kill drill of the test suite (<see cref="TwoInstanceDrill"/>) at the size production expects:
/// 10,000 updates from 1,000 chats over two instances on PostgreSQL with one killed (kill -9) after a third are
/// answered, then a broadcast to 10,000 residents whose sending instance is killed after a quarter. It measures what
/// was lost, repeated and out of order, and the combined sending rate against Telegram's ~30 messages a second.
/// PostgreSQL: the cluster of <c>VILLAGEBOT_TEST_PG</c>, or a throwaway one.
/// </summary>
public sealed class FailoverBenchmark : IBenchmarkSection
{
    private const int Chats = 1_000;
    private const int PerChat = 10;
    private const int Residents = 10_000;

    /// <summary>Each instance's broadcast pace, shared through the database (the default's).</summary>
    private const int PerSecond = 25;

    public string Name => "failover";

    public string Description => $"two instances on PostgreSQL, one killed: {Chats * PerChat:N0} updates, a broadcast to {Residents:N0} residents";

    public async Task RunAsync(Figures figures, CancellationToken ct)
    {
        using var cluster = new PostgreSqlCluster();
        await using (var drill = await TwoInstanceDrill.StartAsync(cluster.NewDatabase()))
        {
            var updates = await drill.UpdatesAsync(Chats, PerChat, TimeSpan.FromMinutes(10));
            figures.Add("failover_updates", updates.Updates, "", $"from {updates.Chats:N0} chats; instance 1 killed after {updates.AnsweredBeforeKill:N0} answers ({updates.KilledAt.TotalSeconds:0.0} s)");
            figures.Add("failover_updates_lost", updates.Lost, "", "never answered (goal 0)");
            figures.Add("failover_chats_out_of_order", updates.Chats - updates.ChatsInOrder, "", "chats whose replies came out of order or incomplete (goal 0)");
            figures.Add("failover_updates_repeated", updates.Repeated, "", $"answered twice across the kill (at most {updates.MostRepeatsInOneChat} in one chat)");
            figures.Add("failover_updates_s", Math.Round(updates.Elapsed.TotalSeconds, 1), "s", $"first to last reply; served {string.Join(" / ", updates.Served)}, {updates.Redelivered} deliveries made again");
        }

        await using (var drill = await TwoInstanceDrill.StartAsync(cluster.NewDatabase()))
        {
            var broadcast = await drill.BroadcastAsync(Residents, PerSecond, TimeSpan.FromSeconds(Residents / 10.0 + 120));
            figures.Add("failover_broadcast_lost", broadcast.Lost, "", $"of {broadcast.Residents:N0} residents, sender killed after {broadcast.ReachedBeforeKill:N0} (goal 0)");
            figures.Add("failover_broadcast_repeated", broadcast.Repeated, "", "residents reached twice (goal ≤ 1 per kill)");
            figures.Add("failover_broadcast_busiest_second", broadcast.BusiestSecond, "msg", "both instances together (Telegram allows ~30)");
            figures.Add("failover_broadcast_rate", Math.Round(broadcast.Rate, 1), "msg/s", "first to last message, the takeover included");
            figures.Add("failover_broadcast_s", Math.Round(broadcast.Elapsed.TotalSeconds, 1), "s", "from \"send\" to \"Sending finished\"");
        }
    }
}
