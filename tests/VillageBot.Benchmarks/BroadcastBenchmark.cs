using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>
/// A text broadcast to 10,000 residents by the real bot program against the fake Bot API, with the global limit
/// raised to 1,000 messages a second (the fake API answers 429 past it, and to a second message to a chat within
/// a second). Run 1 measures the achieved rate; run 2 kills the process mid-broadcast (Process.Kill, no graceful
/// stop), starts it again on the same data and counts what the fake API received: lost and repeated recipients.
/// </summary>
public sealed class BroadcastBenchmark : IBenchmarkSection
{
    internal const int Residents = 10_000;
    private const int Rate = 1000;
    internal const long FirstResident = 1_000_000;
    private const int WarmUpResidents = 2_000;
    private const long FirstWarmUpResident = 500_000;

    public string Name => "broadcast";

    public string Description => $"{Residents:N0} residents at {Rate:N0} messages/s against the fake Bot API (after a {WarmUpResidents:N0}-resident warm-up broadcast), then a crash mid-broadcast";

    public async Task RunAsync(Figures figures, CancellationToken ct)
    {
        var run = await BroadcastAsync(crashAfter: null, ct);
        figures.Add("broadcast_recipients", Residents);
        figures.Add("broadcast_configured_rate", Rate, "msg/s");
        figures.Add("broadcast_achieved_rate", Math.Round(run.Rate, 1), "msg/s", "first to last resident message");
        figures.Add("broadcast_rate_ratio", Math.Round(run.Rate / Rate, 3), "", "achieved ÷ configured (goal ≥ 0.95)");
        figures.Add("broadcast_lost", run.Lost, "", "residents who got nothing (goal 0)");
        figures.Add("broadcast_duplicates", run.Duplicates, "", "messages beyond one per resident (goal 0)");
        figures.Add("broadcast_rejected_429", run.Rejected, "", "sendMessage calls refused with 429 (any chat, the admin's dialog included)");

        var crash = await BroadcastAsync(crashAfter: Residents * 2 / 5, ct);
        figures.Add("broadcast_crash_delivered_before_kill", crash.BeforeKill, "", "resident messages received when the process was killed");
        figures.Add("broadcast_crash_lost", crash.Lost, "", "goal 0");
        figures.Add("broadcast_crash_duplicates", crash.Duplicates, "", "goal ≤ 1 per crash");
        figures.Add("broadcast_crash_resume_seconds", Math.Round(crash.ResumeSeconds, 2), "s", "from kill to the first message after restart");
    }

    private sealed record Outcome(double Rate, int Lost, int Duplicates, int Rejected, int BeforeKill, double ResumeSeconds);

    private static async Task<Outcome> BroadcastAsync(int? crashAfter, CancellationToken ct)
    {
        await using var api = await FakeBotApi.StartAsync();
        api.EnforcePerChatLimit = true;
        api.GlobalLimitPerSecond = Rate;
        var data = Path.Combine(Path.GetTempPath(), "villagebot-bench", Guid.NewGuid().ToString("N"));
        var (village, warmUp) = Seed(data);
        var settings = new Dictionary<string, string>
        {
            ["Broadcast:MessagesPerSecond"] = Rate.ToString(CultureInfo.InvariantCulture),
            ["Jobs:PollingIntervalMs"] = "200",
            ["Jobs:WorkerCount"] = "2",

            // "Now" at night must not turn into the quiet-hours question.
            ["Broadcast:AskInQuietHours"] = "false",
        };
        try
        {
            var bot = BotProcess.Start(api, data, settings);
            try
            {
                await WaitReadyAsync(api, ct);
                var admin = new FakeUser(api, BotHost.AdminId, "en");
                admin.Timeout = TimeSpan.FromSeconds(30);
                if (crashAfter is null)
                {
                    // A running bot has its code compiled and caches warm; the first broadcast after start-up pays for that.
                    await StartBroadcastAsync(admin, warmUp);
                    await admin.ExpectTextAsync("Sending finished");
                }

                await StartBroadcastAsync(admin, village);

                var beforeKill = 0;
                var resumeSeconds = 0.0;
                if (crashAfter is int n)
                {
                    await WaitUntilAsync(() => ResidentMessages(api) >= n, TimeSpan.FromMinutes(2), ct);
                    bot.Kill();
                    var killed = Stopwatch.StartNew();
                    beforeKill = ResidentMessages(api);
                    await bot.DisposeAsync();
                    bot = BotProcess.Start(api, data, settings);
                    await WaitUntilAsync(() => ResidentMessages(api) > beforeKill, TimeSpan.FromMinutes(1), ct);
                    resumeSeconds = killed.Elapsed.TotalSeconds;
                }

                await admin.ExpectTextAsync("Sending finished");
                var events = api.Events().Where(e => e.ChatId >= FirstResident && e.Method == "sendMessage").OrderBy(e => e.Seq).ToList();
                var perChat = events.GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Count());
                var lost = Enumerable.Range(0, Residents).Count(i => !perChat.ContainsKey(FirstResident + i));
                var duplicates = perChat.Values.Sum(c => c - 1);
                var span = (events[^1].At - events[0].At).TotalSeconds;
                var rate = crashAfter is null && span > 0 ? (events.Count - 1) / span : 0;
                var rejected = api.CallCount("sendMessage") - api.Events().Count(e => e.Method == "sendMessage");
                return new Outcome(rate, lost, duplicates, rejected, beforeKill, resumeSeconds);
            }
            finally
            {
                await bot.DisposeAsync();
            }
        }
        finally
        {
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    /// <summary>Writes the villages and 10,000 members into the bot's database before it starts.</summary>
    internal static (int Village, int WarmUp) Seed(string data)
    {
        using var db = new LiteDbStore(Options.Create(new StorageOptions { DataDirectory = data }));
        var now = DateTime.UtcNow;
        var office = new Village { Code = "office", Name = "Office", CreatedAt = now };
        var bench = new Village { Code = "bench", Name = "Benchmarka ciems", CreatedAt = now };
        db.Villages.Insert(office);
        db.Villages.Insert(bench);
        var warmUp = new Village { Code = "warmup", Name = "Iesildīšanās", CreatedAt = now };
        db.Villages.Insert(warmUp);
        db.Residents.InsertBulk(Enumerable.Range(0, WarmUpResidents).Select(i => new Resident
        {
            Id = FirstWarmUpResident + i, ChatId = FirstWarmUpResident + i, Lang = "lv", LangChosen = true, VillageId = warmUp.Id,
            PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now,
        }));
        db.Residents.Insert(new Resident { Id = BotHost.AdminId, ChatId = BotHost.AdminId, FirstName = "Admin", Lang = "en", LangChosen = true, VillageId = office.Id, PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now });
        db.Residents.InsertBulk(Enumerable.Range(0, Residents).Select(i => new Resident
        {
            Id = FirstResident + i, ChatId = FirstResident + i, FirstName = "R" + i, Lang = (i % 3) switch { 0 => "lv", 1 => "ru", _ => "en" },
            LangChosen = true, VillageId = bench.Id, PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now,
        }));
        return (bench.Id, warmUp.Id);
    }

    internal static Task WaitReadyAsync(FakeBotApi api, CancellationToken ct) =>
        WaitUntilAsync(() => api.CallCount("getUpdates") > 0, TimeSpan.FromMinutes(1), ct);

    internal static async Task WaitUntilAsync(Func<bool> condition, TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Not reached within {timeout}.");
            }

            await Task.Delay(10, ct);
        }
    }

    /// <summary>The admin goes through /broadcast as a person would.</summary>
    internal static async Task StartBroadcastAsync(FakeUser admin, int village)
    {
        await ComposeBroadcastAsync(admin, village);
        admin.Click("bc:send");
        await admin.ExpectTextAsync("Sending to the residents");
    }

    /// <summary>The admin writes a text broadcast to the village, to be sent now, up to the "send" button.</summary>
    internal static async Task ComposeBroadcastAsync(FakeUser admin, int village)
    {
        admin.Send("/broadcast");
        await admin.ExpectAsync(e => e.HasButton($"bc:v:{village}"));
        admin.Click($"bc:v:{village}");
        await admin.ExpectAsync(e => e.HasButton("bc:k:text"));
        admin.Click("bc:k:text");
        await admin.ExpectTextAsync("Write the message");
        admin.Send("The community house is open on Saturday from 10:00. Everyone is welcome!");
        await admin.ExpectAsync(e => e.HasButton("bc:at:now"));
        admin.Click("bc:at:now");
        await admin.ExpectAsync(e => e.HasButton("bc:send"));
    }

    private static int ResidentMessages(FakeBotApi api) => api.Events().Count(e => e.ChatId >= FirstResident && e.Method == "sendMessage");
}
