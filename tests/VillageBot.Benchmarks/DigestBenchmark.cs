using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Conversation;
using VillageBot.Features.Nudges;
using VillageBot.Features.Polls;
using VillageBot.Features.Reports;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>
/// The monthly digest in the real host against the fake Bot API, on a clock held at the digest's hour (1 July, 10:00
/// in Riga): 10,000 residents of one village; in June 3,000 of them reported (a third of the reports supported by
/// others), 4,000 voted in a poll with an outcome, 1,000 more asked for the digest in /settings; 500 reporters had
/// already had three reminders that week. Measures the scan that plans the digests, how fast they go out (broadcast
/// limit raised to 1,000 a second), and that nobody got more than the weekly cap or a digest twice.
/// </summary>
public sealed class DigestBenchmark : IBenchmarkSection
{
    private const int Residents = 10_000;
    private const int Reporters = 3_000;
    private const int Voters = 4_000;
    private const int AskedForIt = 1_000;
    private const int AtCap = 500;
    private const int Cap = 3;
    private const long FirstResident = 5_000_000;
    private static readonly DateTime DigestHour = new(2025, 7, 1, 7, 0, 0, DateTimeKind.Utc);

    public string Name => "digest";

    public string Description => $"{Residents:N0} residents, {Reporters:N0} reporters, {Voters:N0} voters, {AskedForIt:N0} opted in, {AtCap:N0} already at the weekly cap";

    public async Task RunAsync(Figures figures, CancellationToken ct)
    {
        await using var api = await FakeBotApi.StartAsync();
        var host = await FixedClock.StartHostAsync(api, DigestHour);
        try
        {
            Seed(host);
            using var scope = host.Services.CreateScope();
            var scan = scope.ServiceProvider.GetRequiredService<NudgeScan>();
            var store = host.Services.GetRequiredService<NudgeStore>();

            var total = Stopwatch.StartNew();
            var watch = Stopwatch.StartNew();
            scan.Scan();
            var planned = store.Nudges.Count(n => n.Kind == "digest");
            figures.Add("digest_scan_ms", Math.Round(watch.Elapsed.TotalMilliseconds), "ms", $"gathers the month and plans {planned:N0} digests");
            figures.Add("digest_planned", planned, "", $"goal {Reporters + Voters + AskedForIt:N0} (reporters, supporters among them, voters, opted in)");

            watch.Restart();
            scan.Scan();
            figures.Add("digest_steady_scan_ms", Math.Round(watch.Elapsed.TotalMilliseconds), "ms", "the next scan, nothing new to plan");

            var until = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            while (store.Nudges.Count(n => n.Kind == "digest" && n.State == NudgeState.Sending) > 0
                   || (store.Nudges.Count(n => n.Kind == "digest" && n.State == NudgeState.Sent) < planned - AtCap && DateTime.UtcNow < until))
            {
                await Task.Delay(100, ct);
            }

            var seconds = total.Elapsed.TotalSeconds;
            var sent = store.Nudges.Count(n => n.Kind == "digest" && n.State == NudgeState.Sent);
            var messages = api.Events().Where(e => e.ChatId >= FirstResident && e.Method == "sendMessage").ToList();
            var digests = messages.Where(e => e.Text?.StartsWith("📬", StringComparison.Ordinal) == true).ToList();
            figures.Add("digest_run_s", Math.Round(seconds, 1), "s", "from the start of the scan to the last digest sent");
            figures.Add("digest_sent", sent, "", $"the {AtCap:N0} at the cap wait for a free place");
            figures.Add("digest_messages", digests.Count, "", $"all messages to residents: {messages.Count:N0}");
            figures.Add("digest_rate", Math.Round(sent / seconds, 1), "msg/s", "configured limit 1,000/s");
            figures.Add("digest_duplicates", digests.Count - digests.Select(e => e.ChatId).Distinct().Count(), "", "digests beyond one per person (goal 0)");
            var earlier = Enumerable.Range(0, AtCap).ToDictionary(i => FirstResident + i, _ => Cap);
            figures.Add("digest_over_cap", messages.GroupBy(e => e.ChatId).Count(g => g.Count() + earlier.GetValueOrDefault(g.Key) > Cap), "",
                $"people over {Cap} reminders in 7 days, counting the {AtCap:N0} who were at the cap (goal 0)");
        }
        finally
        {
            await host.DisposeAsync();
        }
    }

    private static void Seed(BotHost host)
    {
        var db = host.Db;
        var village = db.Villages.FindOne(v => v.Code == "kalsnava")!.Id;
        var joined = DigestHour.AddDays(-90);
        db.Residents.InsertBulk(Enumerable.Range(0, Residents).Select(i => new Resident
        {
            Id = FirstResident + i, ChatId = FirstResident + i, FirstName = "R" + i, Lang = (i % 3) switch { 0 => "lv", 1 => "ru", _ => "en" },
            LangChosen = true, VillageId = village, PrivacyAcceptedAt = joined, JoinedAt = joined, LastSeenAt = joined,
            DigestAlways = i >= Residents - AskedForIt,
        }));

        // Reporters are residents 0…2,999; every third report is supported by two of the voters (3,000…6,999).
        var reports = host.Services.GetRequiredService<ReportStore>();
        string[] categories = ["transport", "safety", "environment", "services", "energy"];
        for (var i = 0; i < Reporters; i++)
        {
            var at = DigestHour.AddDays(-25).AddMinutes(i);
            var status = (i % 4) switch { 0 => ReportStatus.Resolved, 1 => ReportStatus.InProgress, _ => ReportStatus.New };
            var report = new Report
            {
                VillageId = village, ReporterId = FirstResident + i, Text = "Problēma " + i, Category = categories[i % categories.Length], Status = status,
                // A status change just before the digest, so no "is it fixed?" follow-up joins the run.
                CreatedAt = at, UpdatedAt = DigestHour.AddHours(-12), StatusChangedAt = DigestHour.AddHours(-12),
                Supporters = i % 3 == 0 ? [FirstResident + Reporters + (i % Voters), FirstResident + Reporters + ((i + 1) % Voters)] : [],
            };
            if (status == ReportStatus.Resolved)
            {
                report.History.Add(new StatusChange { From = ReportStatus.New, To = ReportStatus.Resolved, Note = "Salabots", NotePublic = true, At = at.AddDays(2) });
            }

            reports.Add(report);
        }

        var polls = host.Services.GetRequiredService<PollStore>();
        var poll = new VillagePoll
        {
            VillageId = village, Question = "Kur likt jauno soliņu?", Options = ["Pie veikala", "Pie skolas"], CreatedAt = DigestHour.AddDays(-20),
            SendAt = DigestHour.AddDays(-20), ClosesAt = DigestHour.AddDays(-17), ClosedAt = DigestHour.AddDays(-17), Outcome = "Soliņu liks pie veikala",
        };
        polls.Polls.Insert(poll);
        polls.Messages.InsertBulk(Enumerable.Range(Reporters, Voters).Select(i => new PollMessage
        {
            Id = "bench-" + i, PollId = poll.Id, ResidentId = FirstResident + i, ChatId = FirstResident + i, MessageId = 1, SentAt = poll.SendAt,
            Choice = [i % 2], VotedAt = poll.SendAt.AddHours(1),
        }));

        // The first 500 reporters already had the weekly cap's three reminders in the last days.
        var nudges = host.Services.GetRequiredService<NudgeStore>();
        nudges.Nudges.InsertBulk(Enumerable.Range(0, AtCap).SelectMany(i => Enumerable.Range(0, Cap).Select(k => new Nudge
        {
            Key = $"followup:bench{i}:{k}", Kind = "followup", ResidentId = FirstResident + i, Ref = "bench", CreatedAt = DigestHour.AddDays(-2),
            DueAt = DigestHour.AddDays(-2 + k * 0.5), State = NudgeState.Sent, SentAt = DigestHour.AddDays(-2 + k * 0.5), DoneAt = DigestHour.AddDays(-2 + k * 0.5),
        })));
    }
}
