using VillageBot.Infrastructure.Storage;
using System.Net;
using System.Text;
using VillageBot.Features.Reports;

namespace VillageBot.Tests.AdminWeb;

public sealed class ReportPagesTests : BotTest
{
    private IDocumentCollection<Report> Reports => Host.Db.Collection<Report>("reports");

    [Fact]
    public async Task Filters_narrow_the_table_by_village_category_pillar_status_confidence_and_date()
    {
        var jan = new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc);
        var feb = new DateTime(2025, 2, 10, 10, 0, 0, DateTimeKind.Utc);
        var a = Host.Db.AddReport("kalsnava", "transport", "Pothole near the school", confidence: 0.92, at: jan);
        var b = Host.Db.AddReport("kalsnava", "safety", "No street lights on Meža iela", confidence: 0.41, at: feb);
        var c = Host.Db.AddReport("ergli", "digital", "No mobile signal at the farm", confidence: 0.75, status: ReportStatus.Resolved, at: feb);
        var d = Host.Db.AddReport("ergli", "environment", "Illegal dumping by the river", confidence: 0.55, at: jan);
        var browser = await Host.SignInAsync(Admin());
        var kalsnava = Host.Db.Village("kalsnava").Id;

        await AssertShowsAsync(browser, "", a, b, c, d);
        await AssertShowsAsync(browser, $"village={kalsnava}", a, b);
        await AssertShowsAsync(browser, "category=digital", c);
        await AssertShowsAsync(browser, "pillar=resilient", b, d);
        await AssertShowsAsync(browser, "status=resolved", c);
        await AssertShowsAsync(browser, "cmin=50&cmax=80", c, d);
        await AssertShowsAsync(browser, "from=2025-02-01&to=2025-02-28", b, c);
        await AssertShowsAsync(browser, $"village={kalsnava}&pillar=connected&to=2025-01-31", a);

        var bad = await browser.GetStringAsync("/web/reports?category=weather&cmin=abc&lang=en");
        Assert.Contains("These filter values were not understood and were ignored: category, cmin", bad);
        Assert.Contains("Reports found: 4", bad);
    }

    [Fact]
    public async Task Dates_are_typed_as_the_chosen_language_writes_them()
    {
        var jan = new DateTime(2025, 1, 15, 10, 0, 0, DateTimeKind.Utc);
        var feb = new DateTime(2025, 2, 10, 10, 0, 0, DateTimeKind.Utc);
        Host.Db.AddReport("kalsnava", "transport", "Pothole near the school", at: jan);
        var b = Host.Db.AddReport("kalsnava", "safety", "No street lights on Meža iela", at: feb);
        var browser = await Host.SignInAsync(Admin());

        await AssertShowsAsync(browser, "from=01.02.2025&to=28.02.2025.&lang=lv", b);
        await AssertShowsAsync(browser, "from=1/2/2025&lang=en", b);
        var lv = await browser.GetStringAsync("/web/reports?from=2025-02-01&lang=lv");
        Assert.Contains("placeholder=\"dd.mm.gggg\" value=\"01.02.2025\"", lv);
        var en = await browser.GetStringAsync("/web/reports?from=2025-02-01&lang=en");
        Assert.Contains("placeholder=\"dd/mm/yyyy\" value=\"01/02/2025\"", en);
        var ru = await browser.GetStringAsync("/web/reports?from=2025-02-01&lang=ru");
        Assert.Contains("placeholder=\"дд.мм.гггг\" value=\"01.02.2025\"", ru);
    }

    [Fact]
    public async Task A_report_opens_by_its_chat_reference_and_errors_are_friendly_pages_in_the_persons_language()
    {
        var report = Host.Db.AddReport("kalsnava", "transport", "Pothole near the school");
        var browser = await Host.SignInAsync(Admin());

        foreach (var address in new[] { "/web/reports/" + report.Reference, "/web/reports/" + report.Id, "/web/reports/" + report.Reference.ToLowerInvariant() })
        {
            var page = await browser.GetStringAsync(address + "?lang=en");
            Assert.Contains($"Report {report.Reference}", page);
            Assert.Contains("Pothole near the school", page);
        }

        foreach (var (lang, heading, text) in new[]
        {
            ("lv", "Nav atrasts", "Šādas lapas nav."),
            ("en", "Not found", "There is no such page."),
            ("ru", "Не найдено", "Такой страницы нет."),
        })
        {
            var missing = await browser.GetAsync($"/web/no-such-page?lang={lang}");
            Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
            var html = await missing.Content.ReadAsStringAsync();
            Assert.Contains($"<html lang=\"{lang}\"", html);
            Assert.Contains(heading, html);
            Assert.Contains(text, html);

            var noReport = await browser.GetAsync($"/web/reports/R-9999?lang={lang}");
            Assert.Equal(HttpStatusCode.NotFound, noReport.StatusCode);
            Assert.Contains(heading, await noReport.Content.ReadAsStringAsync());
        }

        var refused = await browser.PostAsync($"/web/reports/{report.Id}/status?lang=ru", new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = ReportStatus.Resolved }));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Этот запрос не удалось принять.", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ReportStatus.New, Reports.FindById(report.Id)!.Status);

        var api = await browser.GetAsync("/web/api/nothing");
        Assert.Equal(HttpStatusCode.NotFound, api.StatusCode);
        Assert.Equal("", await api.Content.ReadAsStringAsync());
    }

    private static async Task AssertShowsAsync(HttpClient browser, string query, params Report[] expected)
    {
        var page = await browser.GetStringAsync("/web/reports?" + query);
        var all = new[] { "R-1001", "R-1002", "R-1003", "R-1004" };
        foreach (var reference in all)
        {
            var wanted = expected.Any(r => r.Reference == reference);
            Assert.True(wanted == page.Contains($">{reference}</a>", StringComparison.Ordinal), $"{query}: {reference} should {(wanted ? "" : "not ")}be listed");
        }
    }

    [Fact]
    public async Task Coordinator_sees_only_their_village_in_the_table_detail_csv_and_api()
    {
        var coordinator = await MemberAsync("en");
        Host.Db.MakeCoordinator(coordinator.Id, "kalsnava");
        var own = Host.Db.AddReport("kalsnava", "transport", "Our road is broken");
        var other = Host.Db.AddReport("ergli", "transport", "Their secret road problem");
        var browser = await Host.SignInAsync(coordinator);

        var list = await browser.GetStringAsync("/web/reports");
        Assert.Contains("Our road is broken", list);
        Assert.DoesNotContain("Their secret road problem", list);
        Assert.DoesNotContain("Ērgļi", list);

        var detail = await browser.GetAsync($"/web/reports/{other.Id}");
        Assert.Equal(HttpStatusCode.Forbidden, detail.StatusCode);
        Assert.DoesNotContain("Their secret road problem", await detail.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/web/reports?village={other.VillageId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/web/pulse?village={other.VillageId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.GetAsync($"/web/reports.csv?village={other.VillageId}")).StatusCode);

        var csv = await browser.GetStringAsync("/web/reports.csv");
        Assert.Contains("Our road is broken", csv);
        Assert.DoesNotContain("Their secret road problem", csv);
        var api = await browser.GetStringAsync("/web/api/reports");
        Assert.Contains(own.Reference, api);
        Assert.DoesNotContain(other.Reference, api);

        var page = await browser.GetStringAsync($"/web/reports/{own.Id}");
        var change = await browser.PostAsync($"/web/reports/{other.Id}/status", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_af"] = WebTestKit.AntiforgeryToken(page),
            ["status"] = ReportStatus.Resolved,
        }));
        Assert.Equal(HttpStatusCode.Forbidden, change.StatusCode);
        Assert.Equal(ReportStatus.New, Reports.FindById(other.Id)!.Status);
    }

    [Fact]
    public async Task Status_change_with_a_note_tells_the_reporter_in_their_language()
    {
        var reporter = await MemberAsync("ru");
        var report = Host.Db.AddReport("kalsnava", "transport", "Яма на дороге", reporter: reporter.Id);
        var coordinator = await MemberAsync("en");
        var browser = await Host.SignInAsCoordinatorAsync(coordinator, "kalsnava");
        await reporter.SkipAsync();

        var response = await browser.SubmitAsync($"/web/reports/{report.Id}", new() { ["status"] = ReportStatus.InProgress, ["note"] = "Бригада приедет в пятницу" }, $"/web/reports/{report.Id}/status");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/web/reports/{report.Id}?done=status", response.Headers.Location!.OriginalString);

        var told = await reporter.ExpectTextAsync("R-1001");
        Assert.Contains("Статус вашего сообщения R-1001 (Дороги и транспорт) теперь: в работе.", told.Text);
        Assert.Contains("Примечание: Бригада приедет в пятницу", told.Text);

        var saved = Reports.FindById(report.Id)!;
        Assert.Equal(ReportStatus.InProgress, saved.Status);
        var change = Assert.Single(saved.History);
        Assert.Equal((ReportStatus.New, ReportStatus.InProgress, coordinator.Id), (change.From, change.To, change.ById));

        var page = await browser.GetStringAsync($"/web/reports/{report.Id}?done=status&lang=en");
        Assert.Contains("Status saved; the reporter has been told.", page);
        Assert.Contains("Бригада приедет в пятницу", page);
    }

    [Fact]
    public async Task Impossible_status_change_and_overlong_note_change_nothing()
    {
        var reporter = await MemberAsync("en");
        var report = Host.Db.AddReport("kalsnava", "transport", "Closed already", status: ReportStatus.Resolved, reporter: reporter.Id);
        var open = Host.Db.AddReport("kalsnava", "transport", "Still open", reporter: reporter.Id);
        var browser = await Host.SignInAsync(Admin());
        await reporter.SkipAsync();
        var page = await browser.GetStringAsync($"/web/reports/{open.Id}");
        var token = WebTestKit.AntiforgeryToken(page);

        var reopen = await browser.PostAsync($"/web/reports/{report.Id}/status", new FormUrlEncodedContent(new Dictionary<string, string> { ["_af"] = token, ["status"] = ReportStatus.New }));
        Assert.Equal($"/web/reports/{report.Id}?error=transition", reopen.Headers.Location!.OriginalString);
        var forged = await browser.PostAsync($"/web/reports/{open.Id}/status", new FormUrlEncodedContent(new Dictionary<string, string> { ["_af"] = token, ["status"] = "teleported" }));
        Assert.Equal($"/web/reports/{open.Id}?error=transition", forged.Headers.Location!.OriginalString);
        var longNote = await browser.PostAsync($"/web/reports/{open.Id}/status", new FormUrlEncodedContent(new Dictionary<string, string> { ["_af"] = token, ["status"] = ReportStatus.Acknowledged, ["note"] = new string('x', 501) }));
        Assert.Equal($"/web/reports/{open.Id}?error=note", longNote.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync("/web/reports/99999")).StatusCode);

        Assert.Equal(ReportStatus.Resolved, Reports.FindById(report.Id)!.Status);
        Assert.Equal(ReportStatus.New, Reports.FindById(open.Id)!.Status);
        Assert.Empty(Reports.FindById(open.Id)!.History);
        await reporter.ExpectSilenceAsync();
        Assert.Contains("That status change is not possible", await browser.GetStringAsync($"/web/reports/{report.Id}?error=transition&lang=en"));
    }

    [Fact]
    public async Task Review_queue_lists_the_least_certain_first_and_relabelling_tells_the_reporter()
    {
        var reporter = await MemberAsync("lv");
        var sure = Host.Db.AddReport("kalsnava", "transport", "Certain one", confidence: 0.95);
        var unsure = Host.Db.AddReport("kalsnava", "energy", "Laternas nedeg pie skolas", confidence: 0.21, reporter: reporter.Id);
        var middling = Host.Db.AddReport("ergli", "services", "Middling one", confidence: 0.44);
        var closed = Host.Db.AddReport("ergli", "services", "Closed unsure one", confidence: 0.1, status: ReportStatus.Rejected);
        var browser = await Host.SignInAsync(Admin());
        await reporter.SkipAsync();

        var queue = await browser.GetStringAsync("/web/review");
        Assert.DoesNotContain(sure.Reference, queue);
        Assert.DoesNotContain(closed.Reference, queue);
        Assert.True(queue.IndexOf(unsure.Reference, StringComparison.Ordinal) < queue.IndexOf(middling.Reference, StringComparison.Ordinal));

        var response = await browser.SubmitAsync("/web/review", new() { ["category"] = "safety" }, $"/web/reports/{unsure.Id}/category");
        Assert.Equal("/web/review?done=category", response.Headers.Location!.OriginalString);
        var told = await reporter.ExpectTextAsync(unsure.Reference);
        Assert.Contains("tagad ir iedalīts kategorijā “Drošība un apgaismojums”", told.Text);
        var saved = Reports.FindById(unsure.Id)!;
        Assert.Equal(("safety", "safety", false), (saved.Category, saved.RelabeledCategory, saved.NeedsReview));

        // Confirming the proposed category takes it off the queue without bothering the reporter.
        var confirm = await browser.SubmitAsync("/web/review", new() { ["category"] = "services" }, $"/web/reports/{middling.Id}/category");
        Assert.Equal("/web/review?done=reviewed", confirm.Headers.Location!.OriginalString);
        Assert.False(Reports.FindById(middling.Id)!.NeedsReview);
        Assert.DoesNotContain(middling.Reference, await browser.GetStringAsync("/web/review"));

        var unknown = await browser.SubmitAsync($"/web/reports/{sure.Id}", new() { ["category"] = "weather" }, $"/web/reports/{sure.Id}/category");
        Assert.Equal($"/web/reports/{sure.Id}?error=category", unknown.Headers.Location!.OriginalString);
        Assert.Equal("transport", Reports.FindById(sure.Id)!.Category);
        await reporter.ExpectSilenceAsync();
    }

    [Fact]
    public async Task Detail_shows_photo_location_supporters_and_hides_anonymous_authors()
    {
        var named = await MemberAsync("en");
        var hidden = await MemberAsync("en");
        var photo = Encoding.ASCII.GetBytes("\u00ff\u00d8fake-jpeg-bytes");
        var fileId = Api.AddFile(photo);
        var open = Host.Db.AddReport("kalsnava", "environment", "Rubbish by the lake", reporter: named.Id, fill: r =>
        {
            r.PhotoFileId = fileId;
            r.Latitude = 56.68312;
            r.Longitude = 25.88345;
            r.Supporters = [named.Id + 1000, named.Id + 1001, named.Id + 1002];
        });
        var anonymous = Host.Db.AddReport("kalsnava", "safety", "Neighbour's dog bites", reporter: hidden.Id, anonymous: true);
        var browser = await Host.SignInAsync(Admin());

        var page = await browser.GetStringAsync($"/web/reports/{open.Id}?lang=en");
        Assert.Contains($"Person{named.Id} (@person{named.Id})", page);
        Assert.Contains("56.68312, 25.88345", page);
        Assert.Contains("https://www.openstreetmap.org/?mlat=56.68312&amp;mlon=25.88345#map=17/56.68312/25.88345", page);
        Assert.Contains("1</dt><dd>3</dd>", page);
        Assert.Contains($"<img src=\"/web/reports/{open.Id}/photo\" alt=\"Photo attached to report {open.Reference}\"", page);
        var image = await browser.GetAsync($"/web/reports/{open.Id}/photo");
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal(photo, await image.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, Api.CallCount("download"));

        var anonymousPage = await browser.GetStringAsync($"/web/reports/{anonymous.Id}?lang=en");
        Assert.Contains("<dt>Reported by</dt><dd>anonymous</dd>", anonymousPage);
        Assert.DoesNotContain($"Person{hidden.Id}", anonymousPage);
        Assert.DoesNotContain($"person{hidden.Id}", anonymousPage);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.GetAsync($"/web/reports/{anonymous.Id}/photo")).StatusCode);
    }

    [Fact]
    public async Task Pages_are_latvian_by_default_and_remember_the_chosen_language()
    {
        Host.Db.AddReport("kalsnava", "transport", "Ceļš");
        var browser = Host.HtmlClient();
        var signin = await browser.GetStringAsync("/web/signin");
        Assert.Contains("<html lang=\"lv\">", signin);
        Assert.Contains("Nosūtiet komandu /web.", signin);
        Assert.Contains("Отправьте команду /web.", await browser.GetStringAsync("/web/signin?lang=ru"));
        Assert.Contains("Отправьте команду /web.", await browser.GetStringAsync("/web/signin"));

        var admin = Admin("ru");
        var signedIn = await Host.SignInAsync(admin);
        var reports = await signedIn.GetStringAsync("/web/reports");
        Assert.Contains("Найдено сообщений: 1", reports);
        Assert.Contains("Дороги и транспорт", reports);
    }
}
