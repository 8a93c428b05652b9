using VillageBot.Infrastructure.Storage;
using Microsoft.Playwright;
using VillageBot.Features.Reports;

namespace VillageBot.Tests.AdminWeb;

/// <summary>The admin web in a real headless Chromium, signed in through a link the bot sent in the chat.</summary>
public sealed class BrowserTests(ChromiumFixture chromium) : BotTest, IClassFixture<ChromiumFixture>
{
    protected override bool OnSocket => true;

    private IDocumentCollection<Report> Reports => Host.Db.Collection<Report>("reports");

    private async Task<IPage> SignInAsync(string link, int width = 1280, int height = 900)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            ViewportSize = new ViewportSize { Width = width, Height = height },
        });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/web/reports");
        return page;
    }

    [Fact]
    public async Task Coordinator_filters_changes_a_status_exports_csv_and_cannot_see_another_village()
    {
        var reporter = await MemberAsync("lv");
        var road = Host.Db.AddReport("kalsnava", "transport", "Bedre uz Skolas ielas", reporter: reporter.Id);
        Host.Db.AddReport("kalsnava", "safety", "Nedeg laternas pie veikala");
        var foreign = Host.Db.AddReport("ergli", "transport", "Ērgļu ceļa problēma");
        var coordinator = await MemberAsync("en");
        Host.Db.MakeCoordinator(coordinator.Id, "kalsnava");
        await reporter.SkipAsync();

        var page = await SignInAsync(await coordinator.WebLinkAsync());
        await Assertions.Expect(page.Locator("p.summary")).ToContainTextAsync("Reports found: 2");
        await Assertions.Expect(page.GetByText("Ērgļu ceļa problēma")).ToHaveCountAsync(0);

        await page.GetByLabel("Category", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = "Roads and transport" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Show" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.summary")).ToContainTextAsync("Reports found: 1");
        Assert.Contains("category=transport", page.Url);

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download CSV" }).ClickAsync());
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("Bedre uz Skolas ielas", csv);
        Assert.DoesNotContain("Nedeg laternas", csv);
        Assert.DoesNotContain("Ērgļu", csv);
        Assert.EndsWith(".csv", download.SuggestedFilename);

        await page.GetByRole(AriaRole.Link, new() { Name = road.Reference }).ClickAsync();
        await page.GetByLabel("New status").SelectOptionAsync(ReportStatus.InProgress);
        await page.GetByLabel("Note for the resident (optional)").FillAsync("Remonts notiks piektdien");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save the status" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Status saved; the reporter has been told.")).ToBeVisibleAsync();
        var told = await reporter.ExpectTextAsync(road.Reference);
        Assert.Contains("statuss tagad: tiek risināts", told.Text);
        Assert.Contains("Piezīme: Remonts notiks piektdien", told.Text);
        Assert.Equal(ReportStatus.InProgress, Reports.FindById(road.Id)!.Status);

        var direct = await page.GotoAsync($"{Host.BaseAddress}/web/reports/{foreign.Id}");
        Assert.Equal(403, direct!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "No access" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Ērgļu ceļa problēma")).ToHaveCountAsync(0);
        var filtered = await page.GotoAsync($"{Host.BaseAddress}/web/reports?village={foreign.VillageId}");
        Assert.Equal(403, filtered!.Status);
        var review = await page.GotoAsync($"{Host.BaseAddress}/web/review");
        Assert.Equal(403, review!.Status);
    }

    [Fact]
    public async Task Admin_relabels_from_the_review_queue_and_the_reporter_is_told()
    {
        var reporter = await MemberAsync("en");
        var unsure = Host.Db.AddReport("ergli", "energy", "The lamps at the crossing are dark", confidence: 0.23, reporter: reporter.Id);
        Host.Db.AddReport("kalsnava", "services", "The shop closes too early", confidence: 0.48);
        await reporter.SkipAsync();

        var page = await SignInAsync(await Admin().WebLinkAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Review queue" }).ClickAsync();
        await Assertions.Expect(page.Locator("p.summary")).ToContainTextAsync("Waiting for review: 2");
        var firstRow = page.Locator("table.reports tbody tr").First;
        await Assertions.Expect(firstRow).ToContainTextAsync(unsure.Reference);

        await page.GetByLabel($"Category for report {unsure.Reference}").SelectOptionAsync(new SelectOptionValue { Label = "Safety and street lighting" });
        await firstRow.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Category saved; the reporter has been told.")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("p.summary")).ToContainTextAsync("Waiting for review: 1");

        var told = await reporter.ExpectTextAsync(unsure.Reference);
        Assert.Contains("is now filed under “Safety and street lighting”", told.Text);
        Assert.Equal("safety", Reports.FindById(unsure.Id)!.Category);
    }

    [Fact]
    public async Task Pulse_page_renders_readable_charts_on_desktop_and_phone()
    {
        SeedAYear();
        var link = await Admin().WebLinkAsync();
        var page = await SignInAsync(link);
        await page.GotoAsync($"{Host.BaseAddress}/web/pulse?lang=en");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Village pulse", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Reports by category" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Most supported problems (+1)" })).ToBeVisibleAsync();
        var desktop = Path.Combine(ChromiumFixture.Artifacts, "pulse-desktop.png");
        await page.ScreenshotAsync(new() { Path = desktop, FullPage = true });

        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
        Assert.False(overflow, "the pulse page fits a phone's width");
        var phone = Path.Combine(ChromiumFixture.Artifacts, "pulse-phone.png");
        await page.GetByRole(AriaRole.Heading, new() { Name = "Reports by category" }).ScrollIntoViewIfNeededAsync();
        await page.ScreenshotAsync(new() { Path = phone });
        Assert.True(new FileInfo(desktop).Length > 20_000 && new FileInfo(phone).Length > 20_000);
    }

    private void SeedAYear()
    {
        var now = DateTime.UtcNow;
        var random = new Random(7);
        var villages = new[] { "kalsnava", "ergli", "vecpiebalga" };
        var texts = new Dictionary<string, string>
        {
            ["transport"] = "Potholes on the road to the school",
            ["digital"] = "No mobile signal near the farm",
            ["services"] = "The pharmacy is open only twice a week",
            ["community"] = "Nothing for teenagers in the evenings",
            ["governance"] = "Nobody answers letters to the parish",
            ["economy"] = "Farmers have nowhere to sell vegetables",
            ["energy"] = "Power cuts every storm",
            ["environment"] = "Rubbish dumped in the forest",
            ["safety"] = "Dark bus stop, no street light",
        };
        for (var i = 0; i < 90; i++)
        {
            var category = Categories.All[(int)Math.Min(8, Math.Abs(random.NextDouble() * random.NextDouble() * 12))];
            var status = ReportStatus.All[random.Next(ReportStatus.All.Count)];
            var supporters = random.Next(0, 4) == 0 ? Enumerable.Range(1, random.Next(1, 15)).Select(n => (long)n).ToList() : [];
            Host.Db.AddReport(villages[i % 3], category, texts[category], confidence: 0.3 + (random.NextDouble() * 0.7), status: status,
                at: now.AddDays(-random.Next(0, 330)), fill: r => r.Supporters = supporters);
        }
    }
}
