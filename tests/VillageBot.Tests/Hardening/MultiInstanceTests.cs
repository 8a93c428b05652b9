using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;
using VillageBot.Tests.Infrastructure.Storage;

namespace VillageBot.Tests.Hardening;

/// <summary>
/// Two instances of the real program on one PostgreSQL database behind a round-robin load balancer, Telegram posting
/// to the webhook: every update is handled by one of them, one chat's updates in order even when they alternate
/// between the instances, and when one instance is killed the other takes over its chats. Two processes under load:
/// run alone, after the other tests.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class MultiInstanceTests(PostgreSqlCluster cluster, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<PostgreSqlCluster>, IAsyncLifetime
{
    private const string Secret = "multi_instance-Secret1";
    private const long FirstResident = 41_000;

    private readonly string _database = cluster.NewDatabase();
    private readonly List<string> _directories = [BotHost.NewDataDirectory(), BotHost.NewDataDirectory()];
    private FakeBotApi _api = null!;

    public async Task InitializeAsync() => _api = await FakeBotApi.StartAsync();

    public async Task DisposeAsync()
    {
        await _api.DisposeAsync();
        foreach (var directory in _directories.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Dictionary<string, string?> Settings => new()
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _database,
        ["Storage:ChatLeaseSeconds"] = "6",
        ["Telegram:WebhookUrl"] = "https://bot.example.lv/telegram/webhook",
        ["Telegram:WebhookSecret"] = Secret,
        ["RateLimits:ChatBurst"] = "1000",
        ["RateLimits:WebhookPerMinute"] = "1000000",
    };

    [Fact]
    public async Task Updates_spread_over_two_instances_are_each_answered_in_order_and_a_killed_instances_chats_move_on()
    {
        const int chats = 150, perChat = 10;
        SeedResidents(chats);
        await using var first = await ProcessHost.StartAsync(_api, _directories[0], Settings);
        await using var second = await ProcessHost.StartAsync(_api, _directories[1], Settings);
        await using var balancer = await RoundRobinBalancer.StartAsync(first.BaseUrl, second.BaseUrl);
        await WaitAsync(() => _api.WebhookSecret == Secret, "the webhook set");
        using var telegram = new WebhookPoster(_api, balancer.BaseUrl + "/telegram/webhook");
        _state = () => $"posted {telegram.Posted}, retried {telegram.Retried}, waiting {telegram.Waiting}; served {string.Join("/", balancer.Served)}; "
            + $"replies {Replies().Sum(r => r.Value.Count)}\n--- first:\n{Tail(first.Output)}\n--- second:\n{Tail(second.Output)}";

        // Each chat alternates /whoami and /help; the replies tell the two apart (only /whoami's names the role).
        for (var round = 0; round < perChat; round++)
        {
            for (var i = 0; i < chats; i++)
            {
                _api.SendText(FirstResident + i, round % 2 == 0 ? "/whoami" : "/help", "en");
            }
        }

        await WaitAsync(() => Replies().Sum(r => r.Value.Count) >= chats * perChat / 3, "a third of the replies before the kill");
        var servedBeforeKill = balancer.Served;
        await first.DisposeAsync();
        var answeredBeforeKill = Replies().Sum(r => r.Value.Count);

        await WaitAsync(() => telegram.Waiting == 0 && Replies().Count == chats && Replies().Values.All(r => Collapsed(r).Count >= perChat), "every update answered after the kill");
        await WaitAsync(() => _api.RequestsInFlight == 0, "the last replies");

        var replies = Replies();
        var expected = Enumerable.Range(0, perChat).Select(r => r % 2 == 0).ToList();
        Assert.All(replies, chat => Assert.Equal(expected, Collapsed(chat.Value)));

        // An update that the killed instance answered but had not marked done is answered once more by the other.
        var repeated = replies.Values.Sum(r => r.Count) - chats * perChat;
        Assert.InRange(repeated, 0, chats);
        Assert.All(replies.Values, r => Assert.InRange(r.Count - Collapsed(r).Count, 0, 1));
        Assert.All(servedBeforeKill, n => Assert.True(n > 0, $"both instances took updates before the kill: {string.Join(", ", servedBeforeKill)}"));
        Assert.InRange(answeredBeforeKill, chats * perChat / 3, chats * perChat - 1);
        output.WriteLine($"{chats * perChat} updates, {answeredBeforeKill} answered before the kill, {repeated} answered twice; "
            + $"instances served {string.Join("/", balancer.Served)}, {telegram.Retried} deliveries made again");
    }

    [Fact]
    public async Task A_broadcast_whose_instance_is_killed_is_finished_by_the_other_within_telegrams_rate()
    {
        const int residents = 300;
        SeedResidents(residents);
        var settings = new Dictionary<string, string?>(Settings) { ["Broadcast:MessagesPerSecond"] = "25", ["Jobs:PollingIntervalMs"] = "200", ["Jobs:TakeOverAfterSeconds"] = "10" };
        var hosts = new List<ProcessHost> { await ProcessHost.StartAsync(_api, _directories[0], settings), await ProcessHost.StartAsync(_api, _directories[1], settings) };
        try
        {
            await using var balancer = await RoundRobinBalancer.StartAsync(hosts[0].BaseUrl, hosts[1].BaseUrl);
            await WaitAsync(() => _api.WebhookSecret == Secret, "the webhook set");
            using var telegram = new WebhookPoster(_api, balancer.BaseUrl + "/telegram/webhook");
            var admin = new FakeUser(_api, BotHost.AdminId, "en") { Timeout = TimeSpan.FromSeconds(90) };
            await admin.BroadcastNowAsync("Water will be off on Tuesday from 9 to 12.");
            await WaitAsync(() => Delivered(residents).Count >= 80, "80 residents reached before the kill");

            // The instance whose job worker is sending: Hangfire names it by host and process id.
            var running = RunningServer();
            var sender = Assert.Single(hosts, h => running.Contains($":{h.ProcessId}:", StringComparison.Ordinal) || running.EndsWith($":{h.ProcessId}", StringComparison.Ordinal));
            sender.Kill();
            var beforeKill = Delivered(residents).Count;
            Assert.InRange(beforeKill, 80, residents - 1);

            await admin.ExpectTextAsync("Sending finished");
            var delivered = Delivered(residents);
            Assert.Equal(residents, delivered.Count);
            var repeated = delivered.Values.Sum() - residents;
            Assert.InRange(repeated, 0, 1);

            // All bulk sends of both instances together, in any second: within Telegram's ~30 a second.
            var times = _api.Events().Where(e => e.Method == "sendMessage" && e.ChatId >= FirstResident && e.ChatId < FirstResident + residents).Select(e => e.At).Order().ToList();
            var busiest = times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromSeconds(1)).Count()).Max();
            Assert.InRange(busiest, 1, 30);
            output.WriteLine($"{residents} residents, {beforeKill} reached before the kill, {repeated} twice, busiest second {busiest} messages");
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    private Dictionary<long, int> Delivered(int count) =>
        _api.Events().Where(e => e.Method == "sendMessage" && e.ChatId >= FirstResident && e.ChatId < FirstResident + count)
            .GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The Hangfire server processing the broadcast now.</summary>
    private string RunningServer()
    {
        using var connection = new Npgsql.NpgsqlConnection(_database);
        connection.Open();
        using var command = new Npgsql.NpgsqlCommand("""
            SELECT s.data->>'ServerId' FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
            WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%Broadcast%' ORDER BY s.id DESC LIMIT 1
            """, connection);
        return command.ExecuteScalar() as string ?? "";
    }

    /// <summary>Each chat's replies in order: true for /whoami's, false for /help's.</summary>
    private Dictionary<long, List<bool>> Replies() =>
        _api.Events().Where(e => e.Method == "sendMessage" && e.ChatId >= FirstResident && e.ChatId < FirstResident + 10_000)
            .OrderBy(e => e.Seq).GroupBy(e => e.ChatId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Text?.Contains("Role:", StringComparison.Ordinal) == true).ToList());

    /// <summary>The replies without a repeat of the one before (an update handled twice across a kill).</summary>
    private static List<bool> Collapsed(List<bool> replies) => [.. replies.Where((r, i) => i == 0 || r != replies[i - 1])];

    private Func<string> _state = () => "";

    private static string Tail(string output) => output.Length > 3000 ? output[^3000..] : output;

    private async Task WaitAsync(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow.AddSeconds(120);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, $"timed out waiting for {what}: {_state()}");
            await Task.Delay(20);
        }
    }

    private void SeedResidents(int count)
    {
        using var db = new PostgreSqlStore(_database);
        var now = DateTime.UtcNow;
        var village = new Village { Code = "multi", Name = "Multi village", CreatedAt = now };
        db.Villages.Insert(village);
        db.Residents.Insert(new Resident { Id = BotHost.AdminId, ChatId = BotHost.AdminId, FirstName = "Admin", Lang = "en", LangChosen = true, VillageId = village.Id, PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now });
        db.Residents.InsertBulk(Enumerable.Range(0, count).Select(i => new Resident
        {
            Id = FirstResident + i, ChatId = FirstResident + i, FirstName = "R" + i, Lang = "en", LangChosen = true, VillageId = village.Id,
            PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now,
        }));
    }
}
