using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Conversation;
using VillageBot.Features.Nudges;
using VillageBot.Features.Polls;
using VillageBot.Features.Quizzes;
using VillageBot.Features.Reports;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>
/// The nudge scan and delivery in the real host against the fake Bot API, on a clock held at a Monday noon in Riga:
/// 5,000 residents, 2,000 stalled reports, 2,000 quizzes left for four days and a poll closing in three hours that
/// nobody voted in. Measures the first scan (plans everything), a scan with nothing new (the cost paid every quarter
/// of an hour), how fast the planned nudges go out (broadcast limit raised to 1,000 a second), and repeats.
/// </summary>
public sealed class NudgeBenchmark : IBenchmarkSection
{
    private const int Residents = 5_000;
    private const int StalledReports = 2_000;
    private const int IdleQuizzes = 2_000;
    private const long FirstResident = 3_000_000;
    private static readonly DateTime Noon = new(2025, 6, 2, 9, 0, 0, DateTimeKind.Utc);

    public string Name => "nudges";

    public string Description => $"{Residents:N0} residents, {StalledReports:N0} stalled reports, {IdleQuizzes:N0} idle quizzes, one unanswered poll";

    public async Task RunAsync(Figures figures, CancellationToken ct)
    {
        await using var api = await FakeBotApi.StartAsync();
        // The monthly digest (of May, due on 1 June) has its own section.
        var host = await FixedClock.StartHostAsync(api, Noon, ("Digest:Enabled", "false"));
        try
        {
            Seed(host);
            using var scope = host.Services.CreateScope();
            var scan = scope.ServiceProvider.GetRequiredService<NudgeScan>();
            var store = host.Services.GetRequiredService<NudgeStore>();

            var total = Stopwatch.StartNew();
            var watch = Stopwatch.StartNew();
            var planned = scan.Scan();
            figures.Add("nudges_first_scan_ms", Math.Round(watch.Elapsed.TotalMilliseconds), "ms", $"plans {planned:N0} nudges");
            figures.Add("nudges_planned", planned, "", "follow-ups + quiz reminders + poll reminders");

            watch.Restart();
            var again = scan.Scan();
            figures.Add("nudges_steady_scan_ms", Math.Round(watch.Elapsed.TotalMilliseconds), "ms", "a scan that finds nothing new (every 15 min)");
            figures.Add("nudges_planned_twice", again, "", "goal 0");

            var until = DateTime.UtcNow + TimeSpan.FromMinutes(5);
            while (store.Nudges.Count(n => n.State == NudgeState.Pending || n.State == NudgeState.Sending) > 0 && DateTime.UtcNow < until)
            {
                await Task.Delay(100, ct);
            }

            var seconds = total.Elapsed.TotalSeconds;
            var sent = store.Nudges.Count(n => n.State == NudgeState.Sent);
            var messages = api.Events().Count(e => e.ChatId >= FirstResident && e.Method == "sendMessage");
            figures.Add("nudges_sent", sent);
            figures.Add("nudges_delivery_rate", Math.Round(sent / seconds, 1), "msg/s", "sent ÷ time from the start of the first scan (configured limit 1,000/s)");
            figures.Add("nudges_duplicates", messages - sent, "", "messages beyond one per nudge (goal 0)");
            figures.Add("nudges_over_cap", api.Events().Where(e => e.ChatId >= FirstResident && e.Method == "sendMessage").GroupBy(e => e.ChatId).Count(g => g.Count() > 3), "", "people with more than 3 (goal 0)");
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
        var longAgo = Noon.AddDays(-20);
        db.Residents.InsertBulk(Enumerable.Range(0, Residents).Select(i => new Resident
        {
            Id = FirstResident + i, ChatId = FirstResident + i, FirstName = "R" + i, Lang = (i % 3) switch { 0 => "lv", 1 => "ru", _ => "en" },
            LangChosen = true, VillageId = village, PrivacyAcceptedAt = longAgo, JoinedAt = longAgo, LastSeenAt = longAgo,
        }));

        var reports = host.Services.GetRequiredService<ReportStore>();
        for (var i = 0; i < StalledReports; i++)
        {
            var at = Noon.AddDays(-15).AddMinutes(-i);
            reports.Add(new Report
            {
                VillageId = village, ReporterId = FirstResident + i, Text = "Bedre uz ceļa pie skolas " + i, Category = "transport", Status = ReportStatus.Acknowledged,
                CreatedAt = at, UpdatedAt = at, StatusChangedAt = at,
            });
        }

        var quizzes = host.Services.GetRequiredService<QuizStore>();
        for (var i = 0; i < IdleQuizzes; i++)
        {
            var userId = FirstResident + Residents - 1 - i;
            quizzes.Save(new QuizProgress
            {
                Id = QuizProgress.Key(userId, "partnerships"), UserId = userId, ModuleId = "partnerships", Attempt = 1, InProgress = true, Current = 2,
                StartedAt = Noon.AddDays(-4), LastActivityAt = Noon.AddDays(-4),
            });
        }

        var polls = host.Services.GetRequiredService<PollStore>();
        var poll = new VillagePoll { VillageId = village, Question = "Kur likt jauno soliņu?", Options = ["Pie veikala", "Pie skolas"], CreatedAt = Noon.AddHours(-10), SendAt = Noon.AddHours(-10), ClosesAt = Noon.AddHours(3) };
        polls.Polls.Insert(poll);
        polls.Messages.InsertBulk(Enumerable.Range(0, Residents).Select(i => new PollMessage
        {
            Id = "bench-" + i, PollId = poll.Id, ResidentId = FirstResident + i, ChatId = FirstResident + i, MessageId = 1, SentAt = poll.SendAt,
        }));
    }
}
