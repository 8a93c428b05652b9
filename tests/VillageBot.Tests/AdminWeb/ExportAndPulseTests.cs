using System.Net;
using CsvHelper;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Polls;
using VillageBot.Features.Questions.Chat;
using VillageBot.Features.Reports;
using VillageBot.Tests.Quizzes;
using VillageBot.TestKit;

namespace VillageBot.Tests.AdminWeb;

public sealed class ExportAndPulseTests : BotTest
{
    [Fact]
    public async Task Csv_export_applies_the_filters_and_never_names_anonymous_authors()
    {
        var named = await MemberAsync("en");
        var hidden = await MemberAsync("en");
        Host.Db.AddReport("kalsnava", "transport", "Pothole, \"big\" one\nnear school", reporter: named.Id, fill: r => { r.Latitude = 56.7; r.Longitude = 25.9; });
        Host.Db.AddReport("kalsnava", "safety", "=HYPERLINK(\"http://evil\")", reporter: hidden.Id, anonymous: true);
        Host.Db.AddReport("ergli", "transport", "Other village road", status: ReportStatus.Resolved, fill: r => r.History.Add(new StatusChange { From = "new", To = "resolved", Note = "Fixed on Monday", At = DateTime.UtcNow }));
        var browser = await Host.SignInAsync(Admin());

        var response = await browser.GetAsync("/web/reports.csv?category=transport");
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.StartsWith("villagebot-reports-", response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var rows = Read(bytes);
        Assert.Equal(2, rows.Count);
        var first = rows.Single(r => r["village"] == "Kalsnava");
        Assert.Equal("Pothole, \"big\" one\nnear school", first["text"]);
        Assert.Equal($"Person{named.Id} (@person{named.Id})", first["reporter"]);
        Assert.Equal(("56.7", "25.9", "connected"), (first["latitude"], first["longitude"], first["pillar"]));
        Assert.Equal("Fixed on Monday", rows.Single(r => r["village"] == "Ērgļi")["status_note"]);

        var all = Read(await browser.GetByteArrayAsync("/web/reports.csv"));
        Assert.Equal(3, all.Count);
        var anonymous = all.Single(r => r["category"] == "safety");
        Assert.Equal("", anonymous["reporter"]);
        Assert.Equal("'=HYPERLINK(\"http://evil\")", anonymous["text"]);
        var text = System.Text.Encoding.UTF8.GetString(bytes) + System.Text.Encoding.UTF8.GetString(await browser.GetByteArrayAsync("/web/reports.csv"));
        Assert.DoesNotContain($"Person{hidden.Id}", text);
        Assert.DoesNotContain($"person{hidden.Id}", text);
    }

    [Fact]
    public async Task A_csv_export_longer_than_a_batch_has_every_matching_report_once_in_the_order_of_references()
    {
        var reporter = await MemberAsync("en");
        var (kalsnava, ergli) = (Host.Db.Village("kalsnava").Id, Host.Db.Village("ergli").Id);
        var now = DateTime.UtcNow;
        var first = Host.Db.Collection<Report>("reports").Max(r => r.Id, 0) + 1;
        var reports = Enumerable.Range(0, (CsvExport.Batch * 2) + 101).Select(i => new Report
        {
            Id = first + i,
            Reference = ReportStore.ReferenceOf(first + i),
            VillageId = i % 3 == 0 ? ergli : kalsnava,
            ReporterId = reporter.Id,
            Text = $"Lamp {i} is out",
            Category = i % 2 == 0 ? "safety" : "energy",
            PredictedCategory = "safety",
            Confidence = 0.9,
            Status = ReportStatus.New,

            // Made in the opposite order of their numbers: the export follows the references.
            CreatedAt = now.AddMinutes(-i),
            UpdatedAt = now,
            StatusChangedAt = now,
        }).ToList();
        Host.Db.Collection<Report>("reports").InsertBulk(reports);
        var browser = await Host.SignInAsync(Admin());

        var rows = Read(await browser.GetByteArrayAsync("/web/reports.csv?category=safety"));
        var expected = reports.Where(r => r.Category == "safety").OrderBy(r => r.Id).ToList();
        Assert.Equal(expected.Select(r => r.Text), rows.Select(r => r["text"]));
        Assert.Equal(expected.Select(ReportPresenter.Reference), rows.Select(r => r["reference"]));
        Assert.All(rows, r => Assert.Equal($"Person{reporter.Id} (@person{reporter.Id})", r["reporter"]));
        Assert.Equal(expected.Count(r => r.VillageId == ergli), rows.Count(r => r["village"] == "Ērgļi"));
    }

    private static List<Dictionary<string, string>> Read(byte[] csv)
    {
        using var reader = CsvReader.Create(csv);
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(CsvExport.Columns.ToDictionary(c => c, c => reader.GetString(c)));
        }

        Assert.Equal(CsvExport.Columns, reader.Headers);
        return rows;
    }

    [Fact]
    public async Task Pulse_counts_reports_by_category_pillar_status_and_support()
    {
        var now = DateTime.UtcNow;
        Host.Db.AddReport("kalsnava", "transport", "Road A", at: now.AddDays(-1), fill: r => r.Supporters = [1, 2, 3, 4]);
        Host.Db.AddReport("kalsnava", "transport", "Road B", at: now.AddDays(-2), status: ReportStatus.Resolved, fill: r => r.Supporters = [5]);
        Host.Db.AddReport("kalsnava", "energy", "Power cuts", at: now.AddDays(-3), status: ReportStatus.InProgress);
        Host.Db.AddReport("ergli", "digital", "No signal", at: now.AddDays(-1), fill: r => r.Supporters = [6, 7]);
        Host.Db.AddReport("kalsnava", "safety", "Too old to count", at: now.AddYears(-2));
        var coordinator = await MemberAsync("en");
        var browser = await Host.SignInAsCoordinatorAsync(coordinator, "kalsnava");

        var page = await browser.GetStringAsync("/web/pulse?lang=en");
        Assert.Contains("Reports in this period: 3", page);
        Assert.Contains("<th scope=\"row\">Roads and transport</th>", page);
        Assert.Contains("<th scope=\"row\">Energy and heating</th>", page);
        Assert.DoesNotContain("Internet and e-services</th>", page);
        Assert.Contains("<th scope=\"row\">Connected</th>", page);
        Assert.Contains("<th scope=\"row\">in progress</th><td>1</td>", page);
        Assert.Contains("<th scope=\"row\">resolved</th><td>1</td>", page);
        Assert.Contains("<svg class=\"chart\"", page);
        Assert.True(page.IndexOf("Road A", StringComparison.Ordinal) < page.IndexOf("Road B", StringComparison.Ordinal), "+1 leaders are ordered by support");
        Assert.DoesNotContain("No signal", page);
        Assert.Contains("No poll results in this period.", page);
        Assert.Contains("No questions the bot could not answer in this period.", page);

        var weekly = await browser.GetStringAsync("/web/pulse?period=week&lang=en");
        Assert.Matches(@"\d{4}-W\d{2}", weekly);
    }

    [Fact]
    public async Task Pulse_shows_the_median_days_to_first_response_and_to_resolution_per_category_in_the_pages_language()
    {
        var now = DateTime.UtcNow;
        StatusChange Change(string to, double daysAfter, DateTime from) => new() { From = ReportStatus.New, To = to, At = from.AddDays(daysAfter) };
        var a = now.AddDays(-20);
        var b = now.AddDays(-10);
        var c = now.AddDays(-5);
        Host.Db.AddReport("kalsnava", "transport", "Road A", at: a, status: ReportStatus.Resolved, fill: r => r.History = [Change(ReportStatus.Acknowledged, 1, a), Change(ReportStatus.Resolved, 6, a)]);
        Host.Db.AddReport("kalsnava", "transport", "Road B", at: b, status: ReportStatus.Resolved, fill: r => r.History = [Change(ReportStatus.Resolved, 2, b)]);
        Host.Db.AddReport("kalsnava", "transport", "Road C", at: c, status: ReportStatus.Acknowledged, fill: r => r.History = [Change(ReportStatus.Acknowledged, 3, c)]);
        Host.Db.AddReport("kalsnava", "energy", "Power cuts", at: c);
        var browser = await Host.SignInAsync(Admin());

        var en = await browser.GetStringAsync("/web/pulse?lang=en");
        Assert.Contains("<th scope=\"row\">Roads and transport</th><td>2.0</td><td>3</td><td>4.0</td><td>2</td>", en);
        Assert.DoesNotContain("<th scope=\"row\">Energy and heating</th><td>", en[en.IndexOf("How fast reports get an answer", StringComparison.Ordinal)..en.IndexOf("Most supported", StringComparison.Ordinal)]);
        var lv = await browser.GetStringAsync("/web/pulse?lang=lv");
        Assert.Contains("</th><td>2,0</td><td>3</td><td>4,0</td><td>2</td>", lv);
    }

    [Fact]
    public async Task Pulse_shows_the_knowledge_gaps_as_gaps_lists_them_by_month_village_and_most_asked()
    {
        var gaps = Host.Services.GetRequiredService<KnowledgeGaps>();
        var now = DateTime.UtcNow;
        var kalsnava = Host.Db.Village("kalsnava").Id;
        var ergli = Host.Db.Village("ergli").Id;
        gaps.Record("Kur var nodot bīstamos atkritumus?", "lv", kalsnava, 1, now.AddDays(-40));
        gaps.Record("Kur var nodot bīstamos atkritumus?", "lv", ergli, 2, now.AddDays(-3));
        gaps.Record("When does the library open?", "en", kalsnava, 3, now.AddDays(-2));
        gaps.Record("Кто чистит снег на нашей улице?", "ru", ergli, 4, now.AddDays(-1));
        gaps.Record("Who answers letters to the parish?", "en", kalsnava, 5, now.AddYears(-2));
        var admin = Admin();
        admin.Send("/gaps");
        var listed = await admin.ExpectTextAsync("Questions I could not answer");
        Assert.Contains("(5 in all", listed.Text);
        var browser = await Host.SignInAsync(admin);

        var page = await browser.GetStringAsync("/web/pulse?lang=en");
        Assert.Contains("Unanswered questions in these villages: 5 (as /gaps lists them), 4 of them in this period.", page);
        Assert.Contains("<h3>Unanswered questions by month</h3>", page);
        Assert.Contains("<th scope=\"row\">Kalsnava</th><td>2</td>", page);
        Assert.Contains("<th scope=\"row\">Ērgļi</th><td>2</td>", page);
        Assert.Contains("<th scope=\"row\">Kur var nodot bīstamos atkritumus?</th><td>2</td>", page);
        foreach (var question in new[] { "When does the library open?", "Кто чистит снег на нашей улице?", "Who answers letters to the parish?" })
        {
            Assert.Contains(question, listed.Text);
            Assert.Contains($"<th scope=\"row\">{question}</th><td>1</td>", page);
        }

        var coordinator = await MemberAsync("en");
        var own = await Host.SignInAsCoordinatorAsync(coordinator, "ergli");
        var theirs = await own.GetStringAsync("/web/pulse?lang=en");
        Assert.Contains("Unanswered questions in these villages: 2 (as /gaps lists them), 2 of them in this period.", theirs);
        Assert.DoesNotContain("When does the library open?", theirs);
    }

    [Fact]
    public async Task Pulse_shows_what_features_contribute_for_the_viewers_villages()
    {
        await Host.DisposeAsync();
        var seen = new List<PulseScope>();
        Host = await BotHost.StartAsync(Api, configure: s => s.AddSingleton<IPulseSource>(new FakePolls(seen)));
        var coordinator = await MemberAsync("en");
        var browser = await Host.SignInAsCoordinatorAsync(coordinator, "ergli");

        var page = await browser.GetStringAsync("/web/pulse?lang=en");
        Assert.Contains("<h3>Should the shop open on Sundays?</h3>", page);
        Assert.Contains("<th scope=\"row\">Yes</th><td>12</td>", page);
        Assert.Contains("No quiz results in this period.", page);
        var scope = Assert.Single(seen);
        Assert.Equal([Host.Db.Village("ergli").Id], scope.VillageIds!);
        Assert.Equal("en", scope.Lang);
    }

    private sealed class FakePolls(List<PulseScope> seen) : IPulseSource
    {
        public string Slot => PulseSlots.Polls;

        public PulseSection? Build(PulseScope scope)
        {
            seen.Add(scope);
            return new PulseSection([new PulseBars("Should the shop open on Sundays?", [("Yes", 12), ("No", 5)])]);
        }
    }

    [Fact]
    public async Task Pulse_shows_the_villages_learning_needs_from_the_quizzes_once_five_people_answered()
    {
        var elsewhere = await MemberAsync("en", "ergli");
        var other = await elsewhere.StartModuleAsync("partnerships");
        await elsewhere.AnswerAsync(other, 2, (_, p) => p.Right());
        var browser = await Host.SignInAsCoordinatorAsync(await MemberAsync("en"), "kalsnava");
        for (var i = 0; i < 5; i++)
        {
            if (i == 4)
            {
                // Four people's answers are not shown as the village's standing.
                Assert.DoesNotContain("Right quiz answers by topic", await browser.GetStringAsync("/web/pulse?lang=en"));
            }

            var member = await MemberAsync("en");
            await member.AnswerAsync(await member.StartModuleAsync("village-data"), 3, (_, p) => p.Wrong());
        }

        var page = await browser.GetStringAsync("/web/pulse?lang=en");
        Assert.Contains("<h3>Right quiz answers by topic (%)</h3>", page);
        Assert.Contains("<th scope=\"row\">Data about the village</th><td>0</td>", page);
        Assert.Contains("<th scope=\"row\">Kalsnava</th><td>Data about the village", page);
        Assert.DoesNotContain("Partnerships</th>", page);
        Assert.DoesNotContain("No quiz results in this period.", page);
    }

    [Fact]
    public async Task Pulse_shows_poll_results_of_the_period_without_naming_voters()
    {
        var now = DateTime.UtcNow;
        var polls = Host.Db.Collection<VillagePoll>("polls");
        var messages = Host.Db.Collection<PollMessage>("poll_messages");
        var kalsnava = Host.Db.Village("kalsnava").Id;
        var voter = await MemberAsync("en");
        var shop = new VillagePoll { VillageId = kalsnava, Question = "Should the shop open on Sundays?", Options = ["Yes", "No"], CreatedAt = now, SendAt = now.AddHours(-2), ClosesAt = now.AddDays(1) };
        polls.Insert(shop);
        var old = new VillagePoll { VillageId = kalsnava, Question = "Last year's question", Options = ["A", "B"], CreatedAt = now.AddYears(-2), SendAt = now.AddYears(-2), ClosesAt = now.AddYears(-2) };
        polls.Insert(old);
        var other = new VillagePoll { VillageId = Host.Db.Village("ergli").Id, Question = "Another village's poll", Options = ["A", "B"], CreatedAt = now, SendAt = now, ClosesAt = now.AddDays(1) };
        polls.Insert(other);
        foreach (var (resident, choice) in new[] { (voter.Id, 0), (voter.Id + 1, 0), (voter.Id + 2, 1) })
        {
            messages.Insert(new PollMessage { Id = $"{shop.Id}:{resident}", PollId = shop.Id, ResidentId = resident, Choice = [choice], SentAt = now, VotedAt = now });
        }

        messages.Insert(new PollMessage { Id = $"{shop.Id}:silent", PollId = shop.Id, ResidentId = voter.Id + 3, SentAt = now });
        var browser = await Host.SignInAsCoordinatorAsync(await MemberAsync("en"), "kalsnava");

        var page = await browser.GetStringAsync("/web/pulse?lang=en");
        Assert.Contains("<h3>Should the shop open on Sundays? (Kalsnava; 3 of 4 answered)</h3>", page);
        Assert.Contains("<th scope=\"row\">Yes</th><td>2</td>", page);
        Assert.Contains("<th scope=\"row\">No</th><td>1</td>", page);
        Assert.DoesNotContain("Last year's question", page);
        Assert.DoesNotContain("Another village's poll", page);
        Assert.DoesNotContain($"Person{voter.Id}", page);
    }

    [Fact]
    public async Task Api_lists_reports_as_json_for_a_signed_in_viewer()
    {
        Host.Db.AddReport("kalsnava", "transport", "Road");
        var browser = await Host.SignInAsync(Admin());
        var response = await browser.GetAsync("/web/api/reports?category=transport");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("R-1001", json.RootElement[0].GetProperty("reference").GetString());
    }
}
