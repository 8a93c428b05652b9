using System.Globalization;
using System.Text.Json;
using VillageBot.Conversation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using VillageBot.Features.Polls;
using VillageBot.Features.Questions.Chat;
using VillageBot.Features.Reports;

namespace VillageBot.Tests.AdminWeb;

/// <summary>
/// Every admin web page (and a village's public page) in a real Chromium, in Latvian, English and Russian, on a phone (390×844) and a desktop
/// (1280×800): no WCAG 2 A/AA violation found by axe-core, no sideways scrolling on the phone, a screenshot of each
/// kept under artifacts/. Map tiles come from a stub server on loopback.
/// </summary>
public sealed class WebPagesBrowserTests(ChromiumFixture chromium, TileServer tiles) : BotTest, IClassFixture<ChromiumFixture>, IClassFixture<TileServer>
{
    private static readonly (int Width, int Height, string Name)[] Sizes = [(390, 844, "phone"), (1280, 800, "desktop")];

    protected override bool OnSocket => true;

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Web:MapTiles"] = tiles.Template };

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task Every_page_is_accessible_and_fits_a_phone_in_each_language(string lang)
    {
        var seeded = Seed();
        var context = await SignInAsync(await Admin().WebLinkAsync());
        var page = context.Pages[0];
        var pages = new[]
        {
            ("reports", "/web/reports"),
            ("report", "/web/reports/" + seeded.Located[0].Reference),
            ("review", "/web/review"),
            ("pulse", "/web/pulse"),
            ("responsibilities", "/web/responsibilities"),
            ("responsibility-new", "/web/responsibilities/new"),
            ("villages", "/web/villages"),
            ("public", "/v/kalsnava"),
            ("public-off", "/v/ergli"),
            ("not-found", "/web/no-such-page"),
        };
        foreach (var (width, height, size) in Sizes)
        {
            await page.SetViewportSizeAsync(width, height);
            foreach (var (name, path) in pages)
            {
                var response = await page.GotoAsync($"{Host.BaseAddress}{path}?lang={lang}");
                Assert.Equal(name is "not-found" or "public-off" ? 404 : 200, response!.Status);
                Assert.Equal(lang, await page.GetAttributeAsync("html", "lang"));
                if (name is "reports" or "report")
                {
                    await Assertions.Expect(page.Locator("path.report-marker").First).ToBeVisibleAsync();
                }

                await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Artifacts, $"{name}-{lang}-{size}.png"), FullPage = true });
                var violations = await AxeViolationsAsync(page);
                Assert.True(violations.Count == 0, $"{path} ({lang}, {size}): {string.Join("; ", violations)}");
                if (size == "phone")
                {
                    var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
                    Assert.True(overflow <= 1, $"{path} ({lang}) scrolls sideways on a phone by {overflow}px");
                }
            }
        }
    }

    [Fact]
    public async Task The_map_shows_one_marker_per_located_report_the_filters_let_through_and_a_report_opens_by_its_reference()
    {
        var seeded = Seed();
        var context = await SignInAsync(await Admin().WebLinkAsync());
        var page = context.Pages[0];

        await page.GotoAsync($"{Host.BaseAddress}/web/reports?lang=en");
        await Assertions.Expect(page.Locator("path.report-marker")).ToHaveCountAsync(seeded.Located.Count);
        await Assertions.Expect(page.Locator(".leaflet-control-attribution")).ToContainTextAsync("OpenStreetMap");
        var transport = seeded.Located.Count(r => r.Category == "transport");
        await page.GotoAsync($"{Host.BaseAddress}/web/reports?category=transport&lang=en");
        await Assertions.Expect(page.Locator("path.report-marker")).ToHaveCountAsync(transport);
        Assert.True(tiles.Requests > 0, "the map's tiles came from the stub tile server");
        var colours = await page.Locator("path.report-marker").EvaluateAllAsync<string[]>("els => els.map(e => e.getAttribute('fill'))");
        Assert.All(colours, c => Assert.Equal(Categories.Colour("transport"), c, ignoreCase: true));

        var anonymous = seeded.Located.Single(r => r.Anonymous);
        await page.GotoAsync($"{Host.BaseAddress}/web/reports/{anonymous.Reference}?lang=en");
        var points = JsonDocument.Parse((await page.GetAttributeAsync("#report-map", "data-points"))!).RootElement;
        Assert.Equal(Math.Round(anonymous.Latitude!.Value, 3), points[0].GetProperty("lat").GetDouble());
        Assert.Equal(Math.Round(anonymous.Longitude!.Value, 3), points[0].GetProperty("lon").GetDouble());

        var first = await page.GotoAsync($"{Host.BaseAddress}/web/reports/R-1001?lang=en");
        Assert.Equal(200, first!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Report R-1001", Level = 1 })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task The_pulse_shows_the_gaps_as_gaps_lists_them_and_a_poll_of_2_votes_of_3_fills_two_thirds()
    {
        Seed();
        var admin = Admin();
        admin.Send("/gaps");
        var listed = await admin.ExpectTextAsync("Questions I could not answer");
        var gapCount = Host.Services.GetRequiredService<KnowledgeGaps>().Of(null).Count;
        Assert.Contains($"({gapCount} in all", listed.Text);
        var context = await SignInAsync(await admin.WebLinkAsync());
        var page = context.Pages[0];

        await page.GotoAsync($"{Host.BaseAddress}/web/pulse?lang=en");
        await Assertions.Expect(page.Locator("section[aria-labelledby=h-gaps] p.lead")).ToContainTextAsync($"Unanswered questions in these villages: {gapCount} (as /gaps lists them)");
        foreach (var question in new[] { "Kur var nodot bīstamos atkritumus?", "When does the library open?" })
        {
            Assert.Contains(question, listed.Text);
            await Assertions.Expect(page.Locator("section[aria-labelledby=h-gaps] table").GetByText(question)).ToBeVisibleAsync();
        }

        var poll = page.Locator("section[aria-labelledby=h-polls] svg.chart").First;
        var fill = await poll.EvaluateAsync<double>("svg => svg.querySelector('rect.bar').getBoundingClientRect().width / svg.querySelector('rect.track').getBoundingClientRect().width");
        Assert.Equal(2.0 / 3, fill, 2);

        await page.GotoAsync($"{Host.BaseAddress}/web/pulse?lang=lv");
        await Assertions.Expect(page.Locator("section[aria-labelledby=h-polls] table").First).ToContainTextAsync("Jā");
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Artifacts, "pulse-lv-desktop-full.png"), FullPage = true });
    }

    private async Task<IBrowserContext> SignInAsync(string link)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 800 } });
        context.SetDefaultTimeout(15_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync(link);
        await page.Locator("main form button[type=submit]").ClickAsync();
        await page.WaitForURLAsync("**/web/reports");
        return context;
    }

    /// <summary>axe-core's WCAG 2 A/AA violations on the page, as "rule: element" lines. axe is evaluated through the browser's debugging protocol, which the page's CSP does not govern.</summary>
    private static async Task<IReadOnlyList<string>> AxeViolationsAsync(IPage page)
    {
        await page.EvaluateAsync(Axe.Value);
        var json = await page.EvaluateAsync<string>("""
            async () => {
              const r = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
              return JSON.stringify(r.violations.map(v => v.id + ': ' + v.nodes.map(n => n.target.join(' ')).slice(0, 3).join(', ')));
            }
            """);
        return JsonSerializer.Deserialize<string[]>(json)!;
    }

    /// <summary>tests/web-tools/node_modules/axe-core/axe.min.js, which scripts/test.sh installs with npm.</summary>
    private static readonly Lazy<string> Axe = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "web-tools", "node_modules", "axe-core", "axe.min.js");
            if (File.Exists(path))
            {
                return File.ReadAllText(path);
            }
        }

        throw new InvalidOperationException("axe-core is missing: run `npm ci` in tests/web-tools (scripts/test.sh does it).");
    });

    private sealed record Seeded(IReadOnlyList<Report> Located);

    /// <summary>A year of reports in three villages (some located, one anonymous), knowledge gaps and a poll answered by 2 of 3 for one option.</summary>
    private Seeded Seed()
    {
        var now = DateTime.UtcNow;
        var random = new Random(11);
        var villages = new[] { "kalsnava", "ergli", "vecpiebalga" };
        var located = new List<Report>();
        for (var i = 0; i < 40; i++)
        {
            var category = Categories.All[i % Categories.All.Count];
            var status = ReportStatus.All[random.Next(ReportStatus.All.Count)];
            var at = now.AddDays(-random.Next(0, 330));
            var hasLocation = i % 3 == 0;
            var report = Host.Db.AddReport(villages[i % 3], category, $"Problem {i} in category {category}", confidence: 0.3 + (random.NextDouble() * 0.7), status: status, at: at,
                anonymous: i == 3, fill: r =>
                {
                    r.Supporters = i % 4 == 0 ? [.. Enumerable.Range(1, 1 + (i % 7)).Select(n => (long)n)] : [];
                    if (hasLocation)
                    {
                        r.Latitude = 56.80 + (random.NextDouble() * 0.2) + 0.00004;
                        r.Longitude = 25.50 + (random.NextDouble() * 0.3) + 0.00004;
                    }

                    if (status != ReportStatus.New)
                    {
                        r.History = [new StatusChange { From = ReportStatus.New, To = status, At = at.AddDays(1 + (i % 5)) }];
                    }
                });
            if (hasLocation)
            {
                located.Add(report);
            }
        }

        var gaps = Host.Services.GetRequiredService<KnowledgeGaps>();
        gaps.Record("Kur var nodot bīstamos atkritumus?", "lv", Host.Db.Village("kalsnava").Id, 1, now.AddDays(-40));
        gaps.Record("Kur var nodot bīstamos atkritumus?", "lv", Host.Db.Village("ergli").Id, 2, now.AddDays(-3));
        gaps.Record("When does the library open?", "en", Host.Db.Village("kalsnava").Id, 3, now.AddDays(-2));
        gaps.Record("Кто чистит снег на нашей улице?", "ru", Host.Db.Village("ergli").Id, 4, now.AddDays(-1));

        var poll = new VillagePoll { VillageId = Host.Db.Village("kalsnava").Id, Question = "Vai veikalam strādāt svētdienās?", Options = ["Jā", "Nē"], CreatedAt = now, SendAt = now.AddHours(-2), ClosesAt = now.AddDays(1) };
        Host.Db.Collection<VillagePoll>("polls").Insert(poll);
        foreach (var (resident, choice) in new[] { (501L, 0), (502L, 0), (503L, 1) })
        {
            Host.Db.Collection<PollMessage>("poll_messages").Insert(new PollMessage { Id = string.Create(CultureInfo.InvariantCulture, $"{poll.Id}:{resident}"), PollId = poll.Id, ResidentId = resident, Choice = [choice], SentAt = now, VotedAt = now });
        }

        // Kalsnava's public page is on, with one report's text made public by its coordinator.
        var kalsnava = Host.Db.Village("kalsnava");
        kalsnava.PublicPage = true;
        Host.Db.Villages.Update(kalsnava);
        Host.Db.AddReport("kalsnava", "safety", "Ielu apgaismojums pie skolas nedeg jau nedēļu", reporter: 601, at: now.AddDays(-1), fill: r =>
        {
            r.Public = true;
            r.Supporters = [.. Enumerable.Range(700, 6).Select(n => (long)n)];
        });

        return new Seeded(located);
    }
}
