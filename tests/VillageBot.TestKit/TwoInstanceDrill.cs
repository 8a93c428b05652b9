using Npgsql;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.TestKit;

/// <summary>
/// Two instances of the real program on one PostgreSQL database behind a round-robin load balancer, Telegram posting
/// to the webhook, and one instance killed (kill -9) in the middle of the work. Runs at any size: the test suite runs it
/// small on every run, the benchmark at the size production expects; each run returns what it saw rather than judging it.
/// </summary>
public sealed class TwoInstanceDrill : IAsyncDisposable
{
    private const string Secret = "two_instance-Secret1";

    /// <summary>The first resident's chat id; the residents follow it.</summary>
    public const long FirstResident = 41_000;

    private readonly string _database;
    private readonly List<string> _directories = [BotHost.NewDataDirectory(), BotHost.NewDataDirectory()];
    private readonly FakeBotApi _api;
    private Func<string> _state = () => "";

    private TwoInstanceDrill(string database, FakeBotApi api)
    {
        _database = database;
        _api = api;
    }

    /// <summary>A drill on <paramref name="database"/>, an empty PostgreSQL database.</summary>
    public static async Task<TwoInstanceDrill> StartAsync(string database) => new(database, await FakeBotApi.StartAsync());

    /// <summary>What the instances printed last, and the counts so far: for a failure's message.</summary>
    public string State => _state();

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

    /// <summary>
    /// <paramref name="chats"/> residents each send <paramref name="perChat"/> updates at once, alternating /whoami and
    /// /help (only /whoami's reply names the role, so the replies tell their order); the first instance is killed once
    /// a third are answered, and the drill waits (up to <paramref name="timeout"/>) until every chat has all its replies.
    /// </summary>
    public async Task<UpdatesOutcome> UpdatesAsync(int chats, int perChat, TimeSpan timeout)
    {
        SeedResidents(chats);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await using var first = await ProcessHost.StartAsync(_api, _directories[0], Settings);
        await using var second = await ProcessHost.StartAsync(_api, _directories[1], Settings);
        await using var balancer = await RoundRobinBalancer.StartAsync(first.BaseUrl, second.BaseUrl);
        await UntilAsync(() => _api.WebhookSecret == Secret, "the webhook set", TimeSpan.FromSeconds(120));
        using var telegram = new WebhookPoster(_api, balancer.BaseUrl + "/telegram/webhook");
        _state = () => $"posted {telegram.Posted}, retried {telegram.Retried}, waiting {telegram.Waiting}; served {string.Join("/", balancer.Served)}; "
            + $"replies {Replies(chats).Sum(r => r.Value.Count)}\n--- first:\n{Tail(first.Output)}\n--- second:\n{Tail(second.Output)}";

        for (var round = 0; round < perChat; round++)
        {
            for (var i = 0; i < chats; i++)
            {
                _api.SendText(FirstResident + i, round % 2 == 0 ? "/whoami" : "/help", "en");
            }
        }

        var total = chats * perChat;
        await UntilAsync(() => Replies(chats).Sum(r => r.Value.Count) >= total / 3, "a third of the replies before the kill", timeout);
        var servedBeforeKill = balancer.Served;
        var killedAt = clock.Elapsed;
        first.Kill();
        var answeredBeforeKill = Replies(chats).Sum(r => r.Value.Count);

        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline && !(telegram.Waiting == 0 && Replies(chats).Count == chats && Replies(chats).Values.All(r => Collapsed(r).Count >= perChat)))
        {
            await Task.Delay(50);
        }

        await UntilAsync(() => _api.RequestsInFlight == 0, "the last replies", TimeSpan.FromSeconds(30));
        var elapsed = clock.Elapsed;
        var replies = Replies(chats);
        var expected = Enumerable.Range(0, perChat).Select(r => r % 2 == 0).ToList();
        var inOrder = replies.Values.Count(r => Collapsed(r).SequenceEqual(expected));
        var lost = Enumerable.Range(0, chats).Sum(i => replies.TryGetValue(FirstResident + i, out var r) ? Math.Max(0, perChat - Collapsed(r).Count) : perChat);
        return new UpdatesOutcome(
            total,
            chats,
            answeredBeforeKill,
            inOrder,
            lost,
            Repeated: replies.Values.Sum(r => r.Count - Collapsed(r).Count),
            MostRepeatsInOneChat: replies.Values.Select(r => r.Count - Collapsed(r).Count).DefaultIfEmpty().Max(),
            servedBeforeKill,
            balancer.Served,
            telegram.Retried,
            killedAt,
            elapsed);
    }

    /// <summary>
    /// The admin broadcasts "now" to <paramref name="residents"/> residents at <paramref name="perSecond"/> a second
    /// (each instance's pace, shared through the database); once a quarter are reached, the instance whose job worker
    /// is sending is killed, and the drill waits (up to <paramref name="timeout"/>) for the admin's "Sending finished".
    /// </summary>
    public async Task<BroadcastOutcome> BroadcastAsync(int residents, int perSecond, TimeSpan timeout)
    {
        SeedResidents(residents);
        var settings = new Dictionary<string, string?>(Settings)
        {
            ["Broadcast:MessagesPerSecond"] = perSecond.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Jobs:PollingIntervalMs"] = "200",
            ["Jobs:TakeOverAfterSeconds"] = "10",
        };
        var hosts = new List<ProcessHost> { await ProcessHost.StartAsync(_api, _directories[0], settings), await ProcessHost.StartAsync(_api, _directories[1], settings) };
        try
        {
            await using var balancer = await RoundRobinBalancer.StartAsync(hosts[0].BaseUrl, hosts[1].BaseUrl);
            await UntilAsync(() => _api.WebhookSecret == Secret, "the webhook set", TimeSpan.FromSeconds(120));
            using var telegram = new WebhookPoster(_api, balancer.BaseUrl + "/telegram/webhook");
            _state = () => $"delivered to {Delivered(residents).Count}\n--- first:\n{Tail(hosts[0].Output)}\n--- second:\n{Tail(hosts[1].Output)}";
            var admin = new FakeUser(_api, BotHost.AdminId, "en") { Timeout = timeout };
            var clock = System.Diagnostics.Stopwatch.StartNew();
            await admin.BroadcastNowAsync("Water will be off on Tuesday from 9 to 12.");
            await UntilAsync(() => Delivered(residents).Count >= residents / 4, "a quarter of the residents reached before the kill", timeout);

            // The instance whose job worker is sending: Hangfire names it by host and process id.
            var running = RunningServer();
            var senders = hosts.Where(h => running.Contains($":{h.ProcessId}:", StringComparison.Ordinal) || running.EndsWith($":{h.ProcessId}", StringComparison.Ordinal)).ToList();
            if (senders.Count != 1)
            {
                throw new InvalidOperationException($"Expected one instance sending the broadcast, found {senders.Count} (Hangfire server '{running}').");
            }

            senders[0].Kill();
            var beforeKill = Delivered(residents).Count;
            await admin.ExpectTextAsync("Sending finished");
            await UntilAsync(() => _api.RequestsInFlight == 0, "the last messages", TimeSpan.FromSeconds(30));
            var elapsed = clock.Elapsed;
            var delivered = Delivered(residents);

            // All bulk sends of both instances together: the most in any one second.
            var times = _api.Events().Where(e => e.Method == "sendMessage" && e.ChatId >= FirstResident && e.ChatId < FirstResident + residents).Select(e => e.At).Order().ToList();
            var busiest = 0;
            for (int start = 0, end = 0; start < times.Count; start++)
            {
                while (end < times.Count && times[end] - times[start] < TimeSpan.FromSeconds(1))
                {
                    end++;
                }

                busiest = Math.Max(busiest, end - start);
            }

            var span = times.Count > 1 ? (times[^1] - times[0]).TotalSeconds : 0;
            return new BroadcastOutcome(
                residents,
                beforeKill,
                Lost: residents - delivered.Count,
                Repeated: delivered.Values.Sum() - delivered.Count,
                busiest,
                Rate: span > 0 ? times.Count / span : 0,
                elapsed);
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _api.DisposeAsync();
        foreach (var directory in _directories.Where(Directory.Exists))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private Dictionary<long, int> Delivered(int count) =>
        _api.Events().Where(e => e.Method == "sendMessage" && e.ChatId >= FirstResident && e.ChatId < FirstResident + count)
            .GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Count());

    /// <summary>The Hangfire server processing the broadcast now.</summary>
    private string RunningServer()
    {
        using var connection = new NpgsqlConnection(_database);
        connection.Open();
        using var command = new NpgsqlCommand("""
            SELECT s.data->>'ServerId' FROM hangfire.job j JOIN hangfire.state s ON s.id = j.stateid
            WHERE s.name = 'Processing' AND j.invocationdata::text LIKE '%Broadcast%' ORDER BY s.id DESC LIMIT 1
            """, connection);
        return command.ExecuteScalar() as string ?? "";
    }

    /// <summary>Each chat's replies in order: true for /whoami's, false for /help's.</summary>
    private Dictionary<long, List<bool>> Replies(int chats) =>
        _api.Events().Where(e => e.Method == "sendMessage" && e.ChatId >= FirstResident && e.ChatId < FirstResident + chats)
            .OrderBy(e => e.Seq).GroupBy(e => e.ChatId)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Text?.Contains("Role:", StringComparison.Ordinal) == true).ToList());

    /// <summary>The replies without a repeat of the one before (an update handled twice across a kill).</summary>
    private static List<bool> Collapsed(List<bool> replies) => [.. replies.Where((r, i) => i == 0 || r != replies[i - 1])];

    private static string Tail(string output) => output.Length > 3000 ? output[^3000..] : output;

    private async Task UntilAsync(Func<bool> condition, string what, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"Timed out waiting for {what}: {_state()}");
            }

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

    /// <summary>What <see cref="UpdatesAsync"/> saw.</summary>
    /// <param name="ChatsInOrder">Chats whose replies came in the order of their updates, none missing.</param>
    /// <param name="Lost">Updates never answered.</param>
    /// <param name="Repeated">Replies given twice: an update the killed instance answered but had not marked done.</param>
    public sealed record UpdatesOutcome(
        int Updates,
        int Chats,
        int AnsweredBeforeKill,
        int ChatsInOrder,
        int Lost,
        int Repeated,
        int MostRepeatsInOneChat,
        IReadOnlyList<int> ServedBeforeKill,
        IReadOnlyList<int> Served,
        int Redelivered,
        TimeSpan KilledAt,
        TimeSpan Elapsed);

    /// <summary>What <see cref="BroadcastAsync"/> saw.</summary>
    /// <param name="BusiestSecond">The most messages both instances sent together in any one second.</param>
    /// <param name="Rate">Messages a second from the first to the last.</param>
    public sealed record BroadcastOutcome(int Residents, int ReachedBeforeKill, int Lost, int Repeated, int BusiestSecond, double Rate, TimeSpan Elapsed);
}
