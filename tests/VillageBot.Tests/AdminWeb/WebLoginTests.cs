using System.Net;
using VillageBot.Features.AdminWeb;

namespace VillageBot.Tests.AdminWeb;

public sealed class WebLoginTests : BotTest
{
    [Fact]
    public async Task Web_command_sends_a_link_that_signs_a_coordinator_in_once()
    {
        var coordinator = await MemberAsync("en");
        Host.Db.MakeCoordinator(coordinator.Id, "kalsnava");
        var link = await coordinator.WebLinkAsync();
        Assert.StartsWith("http://localhost:5000/web/login?t=", link);

        var browser = Host.HtmlClient();
        var confirm = await browser.GetAsync(WebTestKit.PathOf(link));
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var first = await browser.SubmitAsync(WebTestKit.PathOf(link), []);
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var cookie = Assert.Single(first.Headers.GetValues("Set-Cookie"), c => c.StartsWith(AdminWebFeature.CookieName + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/web/reports")).StatusCode);

        var other = Host.HtmlClient();
        var again = await other.GetAsync(WebTestKit.PathOf(link));
        Assert.Equal(HttpStatusCode.Forbidden, again.StatusCode);
        Assert.Contains("This link has already been used", await again.Content.ReadAsStringAsync());
        var reports = await other.GetAsync("/web/reports");
        Assert.Equal(HttpStatusCode.Redirect, reports.StatusCode);
    }

    [Fact]
    public async Task Expired_link_is_refused_and_opens_no_session()
    {
        var admin = Admin();
        var link = await admin.WebLinkAsync();
        var links = Host.Db.Collection<LoginLink>("web_logins");
        var stored = Assert.Single(links.FindAll());
        stored.ExpiresAt = DateTime.UtcNow.AddSeconds(-1);
        links.Update(stored);

        var browser = Host.HtmlClient();
        var page = await browser.GetAsync(WebTestKit.PathOf(link));
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
        Assert.Contains("expired", await page.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/web/reports")).StatusCode);
    }

    [Fact]
    public async Task Resident_who_is_not_a_coordinator_gets_no_link()
    {
        var resident = await MemberAsync("en");
        resident.Send("/web");
        await resident.ExpectTextAsync("Only a village coordinator or an admin");
        Assert.Equal(0, Host.Db.Collection<LoginLink>("web_logins").Count());
    }

    [Fact]
    public async Task Anonymous_pages_redirect_to_the_sign_in_explanation_and_the_api_answers_401()
    {
        var browser = Host.HtmlClient();
        foreach (var path in new[] { "/web/reports", "/web/reports/1", "/web/pulse", "/web/review", "/web/reports.csv" })
        {
            var response = await browser.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("http://localhost/web/signin", response.Headers.Location!.ToString());
        }

        var signin = await browser.GetStringAsync("/web/signin?lang=en");
        Assert.Contains("Send the command /web", signin);

        var api = Host.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/web/api/reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/web/reports")).StatusCode);
    }

    [Fact]
    public async Task Coordinator_is_refused_admin_pages_with_403()
    {
        var coordinator = await MemberAsync("en");
        Host.Db.MakeCoordinator(coordinator.Id, "kalsnava");
        var report = Host.Db.AddReport("kalsnava", "transport", "Pothole on the main road", confidence: 0.3);
        var browser = await Host.SignInAsync(coordinator);

        var review = await browser.GetAsync("/web/review");
        Assert.Equal(HttpStatusCode.Forbidden, review.StatusCode);
        Assert.Contains("some actions are for admins only", await review.Content.ReadAsStringAsync());

        var page = await browser.GetStringAsync($"/web/reports/{report.Id}");
        var relabel = await browser.PostAsync($"/web/reports/{report.Id}/category", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_af"] = WebTestKit.AntiforgeryToken(page),
            ["category"] = "safety",
        }));
        Assert.Equal(HttpStatusCode.Forbidden, relabel.StatusCode);
        Assert.Equal("transport", Host.Db.Collection<Features.Reports.Report>("reports").FindById(report.Id)!.Category);
    }

    [Fact]
    public async Task Demoted_coordinator_loses_the_open_session()
    {
        var coordinator = await MemberAsync("en");
        var browser = await Host.SignInAsCoordinatorAsync(coordinator, "kalsnava");
        Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/web/reports")).StatusCode);

        Host.Db.MakeCoordinator(coordinator.Id);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/web/reports")).StatusCode);
    }

    [Fact]
    public async Task Form_without_the_antiforgery_token_is_refused_and_changes_nothing()
    {
        var admin = Admin();
        var report = Host.Db.AddReport("kalsnava", "transport", "Bridge is broken");
        var browser = await Host.SignInAsync(admin);
        var response = await browser.PostAsync($"/web/reports/{report.Id}/status", new FormUrlEncodedContent(new Dictionary<string, string> { ["status"] = "resolved" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("new", Host.Db.Collection<Features.Reports.Report>("reports").FindById(report.Id)!.Status);
    }

    [Fact]
    public async Task Job_dashboard_is_behind_the_same_sign_in_for_admins_only()
    {
        var anonymous = await Host.HtmlClient().GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("http://localhost/web/signin", anonymous.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Host.CreateClient().GetAsync("/hangfire/stats")).StatusCode);

        var coordinator = await Host.SignInAsCoordinatorAsync(await MemberAsync("en"), "kalsnava");
        Assert.Equal(HttpStatusCode.Forbidden, (await coordinator.GetAsync("/hangfire")).StatusCode);

        var admin = await Host.SignInAsync(Admin());
        var dashboard = await admin.GetAsync("/hangfire");
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.Contains("VillageBot jobs", await dashboard.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        var browser = await Host.SignInAsync(Admin());
        var response = await browser.SubmitAsync("/web/reports", [], "/web/logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.GetAsync("/web/reports")).StatusCode);
    }
}
