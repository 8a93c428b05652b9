using System.Net;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Polls;
using VillageBot.Features.Reports;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.PublicPage;

/// <summary>A village's public page, /v/{code}: off until an admin turns it on, aggregates only, and a report's text only once a coordinator made it public.</summary>
public sealed class PublicPageTests : BotTest
{
    [Fact]
    public async Task The_page_is_off_until_an_admin_turns_it_on_and_answers_as_an_unknown_code_does()
    {
        Host.Db.AddReport("kalsnava", "transport", "Pothole by the school", reporter: 501);
        var visitor = Host.HtmlClient();
        var off = await visitor.GetAsync("/v/kalsnava?lang=en");
        var unknown = await visitor.GetAsync("/v/no-such-village?lang=en");
        Assert.Equal(HttpStatusCode.NotFound, off.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var offPage = await off.Content.ReadAsStringAsync();
        Assert.Contains("There is no such page", offPage);
        Assert.DoesNotContain("Kalsnava", offPage);
        Assert.Equal(offPage.Replace("/v/kalsnava", "/v/X"), (await unknown.Content.ReadAsStringAsync()).Replace("/v/no-such-village", "/v/X"));

        var coordinator = await MemberAsync("en");
        var staff = await Host.SignInAsCoordinatorAsync(coordinator, "kalsnava");
        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/web/villages?lang=en")).StatusCode);

        var admin = await Host.SignInAsync(Admin());
        var villages = await admin.GetStringAsync("/web/villages?lang=en");
        Assert.Contains("Villages and their public pages", villages);
        Assert.Contains("Turn on: Kalsnava", villages);
        var id = Host.Db.Village("kalsnava").Id;
        var on = await admin.SubmitAsync("/web/villages?lang=en", new(), $"/web/villages/{id}/public");
        Assert.Equal($"/web/villages?done=page_on", on.Headers.Location?.OriginalString);
        Assert.True(Host.Db.Village("kalsnava").PublicPage);
        Assert.False(Host.Db.Village("ergli").PublicPage);
        Assert.Contains("The village&#x27;s public page is on.", await admin.GetStringAsync("/web/villages?done=page_on&lang=en"));

        var page = await visitor.GetAsync("/v/kalsnava?lang=en");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Kalsnava: you said, we did", html);
        Assert.Contains("Reports: fewer than 5 received", html);
        Assert.Equal("public, max-age=300", page.Headers.CacheControl?.ToString());
        Assert.False(page.Headers.Contains("Set-Cookie"), "a public page sets no cookie");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/v/ergli?lang=en")).StatusCode);

        var offAgain = await admin.SubmitAsync("/web/villages?lang=en", new(), $"/web/villages/{id}/public");
        Assert.Equal($"/web/villages?done=page_off", offAgain.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/v/kalsnava?lang=en")).StatusCode);
    }

    [Fact]
    public async Task The_page_shows_figures_from_at_least_5_people_and_a_reports_text_only_while_it_is_public()
    {
        var reporter = await MemberAsync("en");
        TurnOn("kalsnava");
        for (var i = 0; i < 5; i++)
        {
            Host.Db.AddReport("kalsnava", "transport", $"Transport secret {i}", reporter: 700 + i);
        }

        var street = Host.Db.AddReport("kalsnava", "safety", "The street light on Meža iela is out", reporter: reporter.Id,
            fill: r => { r.Supporters = [.. Enumerable.Range(800, 6).Select(n => (long)n)]; r.Latitude = 56.812345; r.Longitude = 25.912345; });
        Host.Db.AddReport("kalsnava", "safety", "Dark corner secret", reporter: 710, status: ReportStatus.InProgress,
            fill: r =>
            {
                r.Supporters = [850];
                r.History = [new StatusChange { From = ReportStatus.New, To = ReportStatus.InProgress, Note = "Lamp ordered", NotePublic = true, At = DateTime.UtcNow }];
            });
        Poll("Where should the bus stop be?", voters: 6, outcome: "The council agreed to move the bus stop");
        Poll("Shall we plant trees?", voters: 3, outcome: null);

        var visitor = Host.HtmlClient();
        var html = await visitor.GetStringAsync("/v/kalsnava?lang=en");
        Assert.Contains("Reports: 7 received, 0 resolved, fewer than 5 in progress", html);
        Assert.Matches(@"Roads and transport</th>\s*<td class=""num"">5</td>", html);
        Assert.Matches(@"Safety[^<]*</th>\s*<td class=""num"">fewer than 5</td>", html);
        Assert.Contains($"({street.Reference}) · supported by 6", html);
        Assert.Contains("What was done: Lamp ordered", html);
        Assert.Contains("«Where should the bus stop be?» — 6 answered; most chose “By the school” (fewer than 5)", html);
        Assert.Contains("What came of it: The council agreed to move the bus stop", html);
        Assert.Contains("«Shall we plant trees?» — fewer than 5 answered", html);
        Assert.DoesNotContain("plant trees?» — 3", html);
        AssertNothingPersonal(html, reporter);
        Assert.DoesNotContain("Meža iela", html);

        // A coordinator of the village makes the street light's text public on its page.
        var coordinator = await MemberAsync("en");
        var staff = await Host.SignInAsCoordinatorAsync(coordinator, "kalsnava");
        var detail = await staff.GetStringAsync($"/web/reports/{street.Reference}?lang=en");
        Assert.Contains("This report&#x27;s text is private", detail);
        var marked = await staff.SubmitAsync($"/web/reports/{street.Reference}?lang=en", new(), $"/web/reports/{street.Id}/public");
        Assert.Equal($"/web/reports/{street.Id}?done=public", marked.Headers.Location?.OriginalString);
        Assert.True(Host.Db.Collection<Report>("reports").FindById(street.Id)!.Public);

        html = await visitor.GetStringAsync("/v/kalsnava?lang=en");
        Assert.Contains("The street light on Meža iela is out", html);
        Assert.Contains("Reports the coordinators made public", html);
        AssertNothingPersonal(html, reporter);

        // Private again, then public once more, and then its reporter uses /forget: the text leaves the page for good.
        await staff.SubmitAsync($"/web/reports/{street.Reference}?lang=en", new(), $"/web/reports/{street.Id}/public");
        Assert.DoesNotContain("Meža iela", await visitor.GetStringAsync("/v/kalsnava?lang=en"));
        await staff.SubmitAsync($"/web/reports/{street.Reference}?lang=en", new(), $"/web/reports/{street.Id}/public");
        Assert.Contains("Meža iela", await visitor.GetStringAsync("/v/kalsnava?lang=en"));

        reporter.Send("/forget");
        var ask = await reporter.ExpectAsync(e => e.HasButton("forget:no"));
        reporter.ClickData(ask.MessageId, ask.AllButtons.Single(b => b.Text == "Yes, erase everything").Data!);
        await reporter.ExpectTextAsync("Your data has been erased");
        Assert.False(Host.Db.Collection<Report>("reports").FindById(street.Id)!.Public);
        Assert.DoesNotContain("Meža iela", await visitor.GetStringAsync("/v/kalsnava?lang=en"));
        Assert.Contains("The report&#x27;s author is unknown or used /forget", await staff.GetStringAsync($"/web/reports/{street.Reference}?lang=en"));
    }

    [Fact]
    public async Task A_coordinator_of_another_village_cannot_make_a_report_public()
    {
        var report = Host.Db.AddReport("kalsnava", "transport", "Pothole by the school", reporter: 501);
        var coordinator = await MemberAsync("en", "ergli");
        var staff = await Host.SignInAsCoordinatorAsync(coordinator, "ergli");
        var token = WebTestKit.AntiforgeryToken(await staff.GetStringAsync("/web/reports?lang=en"));
        var refused = await staff.PostAsync($"/web/reports/{report.Id}/public", new FormUrlEncodedContent(new Dictionary<string, string> { ["_af"] = token, ["public"] = "on" }));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.False(Host.Db.Collection<Report>("reports").FindById(report.Id)!.Public);
    }

    [Theory]
    [InlineData("lv", null, "Kalsnava: jūs teicāt, mēs darījām", "mazāk nekā 5")]
    [InlineData("en", null, "Kalsnava: you said, we did", "fewer than 5")]
    [InlineData("ru", null, "Kalsnava: вы сказали — мы сделали", "меньше 5")]
    [InlineData(null, "ru-RU,ru;q=0.9,en;q=0.8", "Kalsnava: вы сказали — мы сделали", "меньше 5")]
    [InlineData(null, "de-DE,en;q=0.8", "Kalsnava: you said, we did", "fewer than 5")]
    [InlineData(null, null, "Kalsnava: jūs teicāt, mēs darījām", "mazāk nekā 5")]
    public async Task The_page_speaks_the_language_asked_for_by_the_address_or_the_browser(string? lang, string? acceptLanguage, string title, string few)
    {
        TurnOn("kalsnava");
        Host.Db.AddReport("kalsnava", "transport", "Pothole by the school", reporter: 501);
        var visitor = Host.HtmlClient();
        if (acceptLanguage is not null)
        {
            visitor.DefaultRequestHeaders.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await visitor.GetAsync("/v/kalsnava" + (lang is null ? "" : "?lang=" + lang));
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, html);
        Assert.Contains($"<html lang=\"{lang ?? (acceptLanguage?.StartsWith("ru", StringComparison.Ordinal) == true ? "ru" : acceptLanguage is null ? "lv" : "en")}\">", html);
        Assert.Contains(title, html);
        Assert.Contains(few, html);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.DoesNotContain("Pothole", html);
    }

    [Fact]
    public async Task The_privacy_notice_says_what_the_public_page_shows_once_the_villages_page_is_on()
    {
        var before = await Open311.Open311PublishingTests.PrivacyNoticeAsync(NewUser("en"));
        Assert.DoesNotContain("public web page", before.Text);

        TurnOn("kalsnava");
        var after = await Open311.Open311PublishingTests.PrivacyNoticeAsync(NewUser("en"));
        Assert.Contains("The village's public web page (/v/…) shows totals only", after.Text);
        Assert.Contains("no figure from fewer than 5 people", after.Text);
        Assert.Contains("never after /forget", after.Text);
        Assert.EndsWith("Do you agree?", after.Text);
    }

    private void TurnOn(string code)
    {
        var village = Host.Db.Village(code);
        village.PublicPage = true;
        Host.Db.Villages.Update(village);
    }

    private void Poll(string question, int voters, string? outcome)
    {
        var polls = Host.Services.GetRequiredService<PollStore>();
        var now = DateTime.UtcNow;
        var poll = new VillagePoll
        {
            VillageId = Host.Db.Village("kalsnava").Id,
            Question = question,
            Options = ["By the school", "By the shop"],
            CreatedAt = now,
            SendAt = now,
            ClosesAt = now.AddDays(3),
            Outcome = outcome,
            OutcomeAt = outcome is null ? null : now,
        };
        polls.Polls.Insert(poll);
        for (var i = 0; i < voters; i++)
        {
            var who = 900 + i;
            polls.Messages.Insert(new PollMessage { Id = $"{poll.Id}:{who}", PollId = poll.Id, ResidentId = who, Choice = [i < 4 ? 0 : 1], SentAt = now, VotedAt = now });
        }
    }

    private static void AssertNothingPersonal(string html, FakeUser reporter)
    {
        foreach (var secret in new[] { "Transport secret", "Dark corner secret", $"Person{reporter.Id}", $"person{reporter.Id}", "56.81", "25.91" })
        {
            Assert.DoesNotContain(secret, html);
        }
    }
}

/// <summary>The minimum of people behind a figure is a setting (PublicPage:MinPeople).</summary>
public sealed class PublicPageMinimumTests : BotTest
{
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["PublicPage:MinPeople"] = "2" };

    [Fact]
    public async Task With_a_minimum_of_2_a_figure_from_2_people_is_shown_and_one_from_1_is_not()
    {
        var village = Host.Db.Village("kalsnava");
        village.PublicPage = true;
        Host.Db.Villages.Update(village);
        Host.Db.AddReport("kalsnava", "safety", "Street light out", reporter: 601);
        Host.Db.AddReport("kalsnava", "safety", "Another street light out", reporter: 602);
        Host.Db.AddReport("kalsnava", "transport", "Pothole", reporter: 603);
        Host.Db.AddReport("kalsnava", "transport", "Second pothole", reporter: 603);

        var html = await Host.HtmlClient().GetStringAsync("/v/kalsnava?lang=en");
        Assert.Contains("a figure that comes from fewer than 2 people reads “fewer than 2”", html);
        Assert.Contains("Reports: 4 received", html);
        Assert.Matches(@"Safety[^<]*</th>\s*<td class=""num"">2</td>", html);
        Assert.Matches(@"Roads and transport</th>\s*<td class=""num"">fewer than 2</td>", html);
    }
}
