using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>
/// A mixed inbound load (questions, problem reports, button presses, poll answers) from 10,000 residents through
/// the real bot program and the Telegram.Bot client against the fake Bot API, side by side with a bare echo bot on
/// the same transport. Also start-up to ready and the memory of the process holding 10,000 residents and their history.
/// </summary>
public sealed class InboundBenchmark : IBenchmarkSection
{
    private const int Residents = 10_000;
    private const long FirstResident = 2_000_000;
    internal const int BurstUpdates = 6_000;
    internal const int PacedUpdates = 1_200;
    private const int PacedRate = 40;
    internal const int WarmUpUpdates = 800;

    public string Name => "inbound";

    public string Description => $"{BurstUpdates:N0} mixed updates at once, then {PacedUpdates:N0} at {PacedRate}/s, from {Residents:N0} residents: the bot vs a bare echo bot";

    public async Task RunAsync(Figures figures, CancellationToken ct)
    {
        var texts = Texts.Load();
        var burst = Mix(texts, BurstUpdates, FirstResident, seed: 1);
        var paced = Mix(texts, PacedUpdates, FirstResident + BurstUpdates, seed: 2);
        var warmUp = Mix(texts, WarmUpUpdates, FirstResident + BurstUpdates + PacedUpdates, seed: 3);

        var echo = await MeasureAsync(api => Task.FromResult(EchoBot.Start(api.BaseUrl, concurrent: false)), warmUp, burst, paced, ct);
        figures.Add("inbound_echo_rate", Math.Round(echo.Rate, 1), "upd/s", "bare echo bot, one update at a time, burst");
        figures.Add("inbound_echo_p50_ms", Math.Round(echo.P50, 1), "ms", $"paced at {PacedRate}/s");
        figures.Add("inbound_echo_p99_ms", Math.Round(echo.P99, 1), "ms");
        var concurrentEcho = await MeasureAsync(api => Task.FromResult(EchoBot.Start(api.BaseUrl, concurrent: true)), warmUp, burst, paced, ct);
        figures.Add("inbound_echo_concurrent_rate", Math.Round(concurrentEcho.Rate, 1), "upd/s", "bare echo bot, each batch's updates at once, burst");
        figures.Add("inbound_echo_concurrent_p99_ms", Math.Round(concurrentEcho.P99, 1), "ms");

        var data = Path.Combine(Path.GetTempPath(), "villagebot-bench", Guid.NewGuid().ToString("N"));
        Seed(data);
        await using (var prepareApi = await FakeBotApi.StartAsync())
        {
            await BotProcess.PrepareAsync(prepareApi, data, new Dictionary<string, string>(), ct);
        }

        BotProcess? bot = null;
        double startupMs = 0;
        var bench = await MeasureAsync(
            async api =>
            {
                (bot, startupMs) = await BotProcess.StartReadyAsync(api, data, new Dictionary<string, string>(), ct);
                return bot;
            },
            warmUp,
            burst,
            paced,
            ct,
            afterLoad: _ =>
            {
                figures.Add("rss_mb_10k_residents", Math.Round(RssMb(bot!.Id), 1), "MB", "VmRSS after the load, 10,000 residents and their history (goal ≤ 250)");
                return Task.CompletedTask;
            });
        try
        {
            Directory.Delete(data, recursive: true);
        }
        catch (IOException)
        {
        }

        figures.Add("startup_ms", Math.Round(startupMs), "ms", "process start to receiving updates, 10,000 residents in the database, models trained at an earlier start (goal ≤ 3000)");
        figures.Add("inbound_rate", Math.Round(bench.Rate, 1), "upd/s", "the bot, burst");
        figures.Add("inbound_ratio_vs_echo", Math.Round(bench.Rate / echo.Rate, 3), "", "goal ≥ 0.5");
        figures.Add("inbound_ratio_vs_concurrent_echo", Math.Round(bench.Rate / concurrentEcho.Rate, 3), "", "");
        figures.Add("inbound_p50_ms", Math.Round(bench.P50, 1), "ms", $"paced at {PacedRate}/s");
        figures.Add("inbound_p99_ms", Math.Round(bench.P99, 1), "ms", "goal ≤ 50");
        figures.Add("inbound_unanswered", bench.Unanswered, "", "updates that expected a reply and got none");
    }

    internal sealed record Load(long Chat, Func<int, Update> Make, bool ExpectsReply);

    internal sealed record Outcome(double Rate, double P50, double P99, int Unanswered);

    internal static async Task<Outcome> MeasureAsync(Func<FakeBotApi, Task<IAsyncDisposable>> start, IReadOnlyList<Load> warmUp, IReadOnlyList<Load> burst, IReadOnlyList<Load> paced, CancellationToken ct, Func<FakeBotApi, Task>? afterLoad = null)
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var subject = await start(api);

        // A running bot has its code compiled, its indexes built and its model loaded; the first updates after
        // start-up pay for that, so both bots get the same warm-up before anything is measured.
        foreach (var load in warmUp)
        {
            api.Inject(load.Make);
        }

        await WaitAnsweredAsync(api, warmUp.Where(l => l.ExpectsReply).Select(l => l.Chat).ToHashSet(), TimeSpan.FromMinutes(2), ct);
        await Task.Delay(TimeSpan.FromSeconds(3), ct);

        // Burst: everything at once; the rate is updates over the time until the last reply.
        var clock = Stopwatch.StartNew();
        foreach (var load in burst)
        {
            api.Inject(load.Make);
        }

        var expected = burst.Where(l => l.ExpectsReply).Select(l => l.Chat).ToHashSet();
        await WaitAnsweredAsync(api, expected, TimeSpan.FromMinutes(4), ct);
        var rate = burst.Count / clock.Elapsed.TotalSeconds;

        // Paced: a steady rate, latency from injection to the first reply in that chat.
        var sent = new Dictionary<long, DateTime>();
        var interval = TimeSpan.FromSeconds(1.0 / PacedRate);
        var next = Stopwatch.StartNew();
        for (var i = 0; i < paced.Count; i++)
        {
            while (next.Elapsed < interval * i)
            {
                await Task.Delay(1, ct);
            }

            sent[paced[i].Chat] = DateTime.UtcNow;
            api.Inject(paced[i].Make);
        }

        var expectedPaced = paced.Where(l => l.ExpectsReply).Select(l => l.Chat).ToHashSet();
        await WaitAnsweredAsync(api, expectedPaced, TimeSpan.FromMinutes(2), ct);
        var firstReply = api.Events().Where(e => expectedPaced.Contains(e.ChatId)).GroupBy(e => e.ChatId).ToDictionary(g => g.Key, g => g.Min(e => e.At));
        var latencies = expectedPaced.Where(firstReply.ContainsKey).Select(c => (firstReply[c] - sent[c]).TotalMilliseconds).Order().ToList();
        var unanswered = expected.Count + expectedPaced.Count - Answered(api, expected) - latencies.Count;
        if (afterLoad is not null)
        {
            await afterLoad(api);
        }

        return new Outcome(rate, Percentile(latencies, 0.5), Percentile(latencies, 0.99), unanswered);
    }

    private static async Task WaitAnsweredAsync(FakeBotApi api, HashSet<long> chats, TimeSpan timeout, CancellationToken ct)
    {
        var until = DateTime.UtcNow + timeout;
        while (Answered(api, chats) < chats.Count && DateTime.UtcNow < until)
        {
            await Task.Delay(20, ct);
        }
    }

    private static int Answered(FakeBotApi api, HashSet<long> chats) => api.Events().Select(e => e.ChatId).Where(chats.Contains).Distinct().Count();

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    /// <summary>40% questions, 25% problem reports, 15% button presses, 20% poll answers; one update per resident.</summary>
    internal static List<Load> Mix(Texts texts, int count, long firstChat, int seed)
    {
        var random = new Random(seed);
        var list = new List<Load>(count);
        for (var i = 0; i < count; i++)
        {
            var chat = firstChat + i;
            var roll = random.Next(100);
            var lang = (i % 3) switch { 0 => "lv", 1 => "en", _ => "ru" };
            if (roll < 40)
            {
                var q = texts.Questions[random.Next(texts.Questions.Count)];
                list.Add(new Load(chat, id => Text(id, chat, q, lang), true));
            }
            else if (roll < 65)
            {
                var p = texts.Problems[random.Next(texts.Problems.Count)];
                list.Add(new Load(chat, id => Text(id, chat, p, lang), true));
            }
            else if (roll < 80)
            {
                list.Add(new Load(chat, id => new Update
                {
                    Id = id,
                    CallbackQuery = new CallbackQuery { Id = "cb" + id, From = FakeBotApi.Person(chat, lang), ChatInstance = "ci", Data = "vil:pick:999", Message = new Message { Id = 1, Chat = new Chat { Id = chat, Type = ChatType.Private }, Date = DateTime.UtcNow } },
                }, true));
            }
            else
            {
                list.Add(new Load(chat, id => new Update { Id = id, PollAnswer = new PollAnswer { PollId = "p" + random.Next(1000), User = FakeBotApi.Person(chat, lang), OptionIds = [0] } }, false));
            }
        }

        return list;
    }

    private static Update Text(int id, long chat, string text, string lang) => new()
    {
        Id = id,
        Message = new Message { Id = id, From = FakeBotApi.Person(chat, lang), Chat = new Chat { Id = chat, Type = ChatType.Private }, Date = DateTime.UtcNow, Text = text },
    };

    /// <summary>10,000 members in three villages, with a history: 3,000 reports with status changes and supporters.</summary>
    private static void Seed(string data)
    {
        using var db = new LiteDbStore(Options.Create(new StorageOptions { DataDirectory = data }));
        Seed(db, Residents, 3_000, villageCount: 3);
    }

    /// <summary>Members spread over villages, with a history of reports with status changes and supporters.</summary>
    /// <remarks>Reports go to <paramref name="reportVillages"/> villages (by default those of the residents): a village's reports are what a new report is compared with.</remarks>
    internal static IReadOnlyList<Village> Seed(IDocumentStore db, int residents, int reportCount, int villageCount, long firstResident = FirstResident, int? reportVillages = null)
    {
        var now = DateTime.UtcNow;
        var villages = Enumerable.Range(0, Math.Max(villageCount, reportVillages ?? 0)).Select(i => new Village { Code = "b" + i, Name = "Ciems " + i, CreatedAt = now }).ToList();
        foreach (var v in villages)
        {
            db.Villages.Insert(v);
        }

        db.Residents.InsertBulk(Enumerable.Range(0, residents).Select(i => new Resident
        {
            Id = firstResident + i, ChatId = firstResident + i, FirstName = "R" + i, Lang = (i % 3) switch { 0 => "lv", 1 => "en", _ => "ru" },
            LangChosen = true, VillageId = villages[i % villageCount].Id, PrivacyAcceptedAt = now, JoinedAt = now, LastSeenAt = now,
        }));
        var random = new Random(3);
        var reports = db.Collection<Report>("reports");
        reports.InsertBulk(Enumerable.Range(0, reportCount).Select(i => new Report
        {
            // As the bot numbers them: ids from 1 in an empty collection.
            Reference = ReportStore.ReferenceOf(i + 1),
            VillageId = villages[i % (reportVillages ?? villageCount)].Id,
            ReporterId = firstResident + random.Next(residents),
            Text = "Seeded report number " + i + " about the road, the bus and the light in the street near the school.",
            Category = Categories.All[i % 9],
            PredictedCategory = Categories.All[i % 9],
            Confidence = 0.5 + (random.NextDouble() / 2),
            Status = ReportStatus.All[i % 5],
            History = [new StatusChange { From = ReportStatus.New, To = ReportStatus.All[i % 5], ById = firstResident, At = now, Note = "Seeded" }],
            Supporters = [.. Enumerable.Range(0, random.Next(5)).Select(_ => firstResident + random.Next(residents))],
            CreatedAt = now.AddDays(-random.Next(90)),
            UpdatedAt = now,
            StatusChangedAt = now,
        }));
        return villages;
    }

    internal static double RssMb(int pid)
    {
        var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024;
    }

    /// <summary>Questions from the evaluation set and problem texts from the training data, as residents typed them.</summary>
    internal sealed record Texts(IReadOnlyList<string> Questions, IReadOnlyList<string> Problems)
    {
        public static Texts Load()
        {
            var data = Path.Combine(Path.GetDirectoryName(BotProcess.ProgramPath())!, "data");
            // In name order: the directory's own order differs between file systems, and the texts are picked by index.
            var questions = Directory.GetFiles(Path.Combine(data, "eval"), "*.jsonl").Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines).Where(l => l.Length > 0)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("q").GetString()!).ToList();
            var problems = Directory.GetFiles(Path.Combine(data, "problems"), "*.jsonl").Order(StringComparer.Ordinal)
                .SelectMany(File.ReadLines).Where(l => l.Length > 0)
                .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("text").GetString()!).ToList();
            return new Texts(questions, problems);
        }
    }
}
