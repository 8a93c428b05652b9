using System.Diagnostics;
using System.Globalization;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>
/// The group pacer under load: while the real bot program broadcasts to 10,000 residents at 1,000 messages a second,
/// 20 village groups each send it 25 commands at once. The fake Bot API refuses (429) a group's 21st message within
/// a minute, as Telegram does. Measures each group's busiest minute, the gaps between a group's messages, refusals,
/// the broadcast's rate and losses alongside, and how long a private /help waits meanwhile.
/// </summary>
public sealed class GroupPacerBenchmark : IBenchmarkSection
{
    private const int Groups = 20;
    private const int CommandsPerGroup = 25;
    private const int Rate = 1000;
    private const int GroupLimit = 20;
    private const long FirstGroup = -5_000_000;

    public string Name => "group-pacer";

    public string Description => $"{Groups} groups × {CommandsPerGroup} commands during a {BroadcastBenchmark.Residents:N0}-resident broadcast at {Rate:N0} messages/s; the fake Bot API allows {GroupLimit} messages a minute per group";

    public async Task RunAsync(Figures figures, CancellationToken ct)
    {
        await using var api = await FakeBotApi.StartAsync();
        api.EnforcePerChatLimit = true;
        api.GlobalLimitPerSecond = Rate;
        api.GroupLimitPerMinute = GroupLimit;
        var data = Path.Combine(Path.GetTempPath(), "villagebot-bench", Guid.NewGuid().ToString("N"));
        var (village, _) = BroadcastBenchmark.Seed(data);
        var settings = new Dictionary<string, string>
        {
            ["Broadcast:MessagesPerSecond"] = Rate.ToString(CultureInfo.InvariantCulture),
            ["Groups:MessagesPerMinute"] = GroupLimit.ToString(CultureInfo.InvariantCulture),
            ["Jobs:PollingIntervalMs"] = "200",
            ["Jobs:WorkerCount"] = "2",
            ["Broadcast:AskInQuietHours"] = "false",
        };
        var bot = BotProcess.Start(api, data, settings);
        try
        {
            await BroadcastBenchmark.WaitReadyAsync(api, ct);
            var admin = new FakeUser(api, BotHost.AdminId, "en") { Timeout = TimeSpan.FromMinutes(2) };
            var groups = Enumerable.Range(0, Groups).Select(g => api.Group(FirstGroup - g, "Group " + g).Id).ToList();

            // The same broadcast without the groups first: the rate to compare with (and the process warmed up).
            var aloneSeq = api.LastSeq;
            await BroadcastBenchmark.StartBroadcastAsync(admin, village);
            await api.WaitForEventAsync(e => e.ChatId == BotHost.AdminId && e.Text?.Contains("Sending finished", StringComparison.Ordinal) == true, aloneSeq, TimeSpan.FromMinutes(3));
            var alone = BroadcastRate(api, aloneSeq);

            var broadcastSeq = api.LastSeq;
            await BroadcastBenchmark.StartBroadcastAsync(admin, village);

            var started = Stopwatch.StartNew();
            for (var i = 0; i < CommandsPerGroup; i++)
            {
                foreach (var group in groups)
                {
                    api.SendGroupText(group, 7_000_000 - group, "/help@" + FakeBotApi.BotUser.Username, "en");
                }
            }

            // A private chat in the middle of both: its reply must not wait for any group's turn.
            await BroadcastBenchmark.WaitUntilAsync(() => GroupReplies(api).Count >= Groups, TimeSpan.FromMinutes(1), ct);
            var privateSeq = api.LastSeq;
            var asked = Stopwatch.StartNew();
            admin.Send("/help");
            await api.WaitForEventAsync(e => e.ChatId == BotHost.AdminId && e.Text?.Contains("/report", StringComparison.Ordinal) == true, privateSeq, TimeSpan.FromMinutes(1));
            var privateMs = asked.Elapsed.TotalMilliseconds;

            await api.WaitForEventAsync(e => e.ChatId == BotHost.AdminId && e.Text?.Contains("Sending finished", StringComparison.Ordinal) == true, broadcastSeq, TimeSpan.FromMinutes(3));
            await BroadcastBenchmark.WaitUntilAsync(() => GroupReplies(api).Count >= Groups * CommandsPerGroup, TimeSpan.FromMinutes(5), ct);
            var drained = started.Elapsed.TotalSeconds;

            var replies = GroupReplies(api);
            var perGroup = replies.GroupBy(e => e.ChatId).Select(g => g.Select(e => e.At).Order().ToList()).ToList();
            var busiestMinute = perGroup.Max(times => times.Select((t, i) => times.Skip(i).TakeWhile(u => u - t < TimeSpan.FromMinutes(1)).Count()).Max());
            var minGap = perGroup.Min(times => times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).DefaultIfEmpty(double.MaxValue).Min());
            var residents = ResidentMessages(api, broadcastSeq);
            var lost = BroadcastBenchmark.Residents - residents.Select(e => e.ChatId).Distinct().Count();
            var rate = BroadcastRate(api, broadcastSeq);
            var rejected = api.CallCount("sendMessage") - api.Events().Count(e => e.Method == "sendMessage");

            figures.Add("group_pacer_groups", Groups);
            figures.Add("group_pacer_replies", replies.Count, "", $"goal {Groups * CommandsPerGroup}");
            figures.Add("group_pacer_busiest_minute", busiestMinute, "msg", $"most messages one group got within 60 s (goal ≤ {GroupLimit})");
            figures.Add("group_pacer_min_gap", Math.Round(minGap, 2), "s", $"shortest gap between two messages to one group (limit {60.0 / GroupLimit:0.#} s)");
            figures.Add("group_pacer_group_refused_429", api.GroupRefusals, "", "sends refused for a group over its limit (goal 0)");
            figures.Add("group_pacer_rejected_429", rejected, "", "sendMessage calls refused with 429, any chat (the admin's dialog included)");
            figures.Add("group_pacer_drain_seconds", Math.Round(drained, 1), "s", "from the first group command to the last group reply");
            figures.Add("group_pacer_broadcast_rate", Math.Round(rate, 1), "msg/s", $"alongside the groups (configured {Rate})");
            figures.Add("group_pacer_broadcast_alone_rate", Math.Round(alone, 1), "msg/s", "the same broadcast just before, without the groups");
            figures.Add("group_pacer_broadcast_lost", lost, "", "goal 0");
            figures.Add("group_pacer_private_reply_ms", Math.Round(privateMs, 0), "ms", "a private /help during both");
        }
        finally
        {
            await bot.DisposeAsync();
            try
            {
                Directory.Delete(data, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static List<BotEvent> ResidentMessages(FakeBotApi api, long afterSeq) =>
        [.. api.Events().Where(e => e.Seq > afterSeq && e.ChatId >= BroadcastBenchmark.FirstResident && e.Method == "sendMessage").OrderBy(e => e.Seq)];

    /// <summary>Messages a second from the first to the last resident message of the broadcast started after <paramref name="afterSeq"/>.</summary>
    private static double BroadcastRate(FakeBotApi api, long afterSeq)
    {
        var messages = ResidentMessages(api, afterSeq);
        var span = (messages[^1].At - messages[0].At).TotalSeconds;
        return span > 0 ? (messages.Count - 1) / span : 0;
    }

    private static List<BotEvent> GroupReplies(FakeBotApi api) => [.. api.Events().Where(e => e.ChatId <= FirstGroup && e.Method == "sendMessage")];
}
