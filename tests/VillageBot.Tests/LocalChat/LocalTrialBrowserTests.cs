using Microsoft.Playwright;
using VillageBot.TestKit;
using VillageBot.Tests.AdminWeb;

namespace VillageBot.Tests.LocalChat;

/// <summary>
/// The whole local trial in a real headless Chromium, in each language: two browsers (a resident and the
/// configured admin as coordinator) go through onboarding, a question, a report with "+1", a poll, /results, a
/// quiz answer and the /mydata download. Screenshots are kept in the test output's artifacts folder.
/// </summary>
public sealed class LocalTrialBrowserTests(ChromiumFixture chromium) : IClassFixture<ChromiumFixture>, IAsyncLifetime
{
    private static readonly Dictionary<string, (string Title, string Question, string Problem)> Words = new()
    {
        ["lv"] = ("VillageBot — vietējā sarunu lapa", "Kas ir viedais ciems?", "Liela bedre uz ceļa pie skolas"),
        ["en"] = ("VillageBot — local chat", "What is a smart village?", "Big pothole on the road by the school"),
        ["ru"] = ("VillageBot — локальный чат", "Что такое умная деревня?", "Большая яма на дороге у школы"),
    };

    private readonly List<string> _errors = [];
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(api: null, kestrel: true);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Theory]
    [InlineData("lv")]
    [InlineData("en")]
    [InlineData("ru")]
    public async Task A_newcomer_walks_the_whole_local_trial(string lang)
    {
        var coordinator = await OpenAsync(lang, BotHost.AdminId);
        var resident = await OpenAsync(lang, null);
        try
        {
            await WalkAsync(lang, coordinator, resident);
        }
        catch
        {
            // What each browser showed when a step failed.
            await ShotAsync(resident, lang, "failed-resident");
            await ShotAsync(coordinator, lang, "failed-coordinator");
            throw;
        }
    }

    private async Task WalkAsync(string lang, IPage coordinator, IPage resident)
    {
        var (title, question, problem) = Words[lang];

        // Onboarding, in a page that already speaks the browser's language.
        await Assertions.Expect(resident.Locator("#title")).ToHaveTextAsync(title);
        Assert.Equal(lang, await resident.GetAttributeAsync("html", "lang"));
        foreach (var page in new[] { coordinator, resident })
        {
            await SayAsync(page, "/start kalsnava");
            await ClickAsync(page, "lang:" + lang);
            await ClickAsync(page, "privacy:ok");
            await Assertions.Expect(Bot(page).Last).ToContainTextAsync("/help");
        }

        await ShotAsync(resident, lang, "1-onboarding");

        // A question, answered with its sources.
        await SayAsync(resident, "/ask " + question);
        await ShotAsync(resident, lang, "2-question");

        // The coordinator's report is already there; the resident reports the same and gives it "+1".
        var report = _host.Db.AddReport("kalsnava", "transport", problem, reporter: BotHost.AdminId);
        await SayAsync(resident, "/report");
        await SayAsync(resident, problem);
        // The steps before the similar reports (photo, category, anonymity) are passed, each once, in whatever order they come.
        var same = $"rep:same:{report.Id}";
        var steps = new List<string> { "rep:skip", "rep:ok", "rep:anon:0" };
        while (true)
        {
            var next = resident.Locator(string.Join(", ", steps.Append(same).Select(c => $"button[data-callback='{c}']"))).Last;
            await next.WaitForAsync();
            var callback = (await next.GetAttributeAsync("data-callback"))!;
            if (callback == same)
            {
                break;
            }

            steps.Remove(callback);
            await ClickAsync(resident, callback);
        }

        await ClickAsync(resident, $"rep:same:{report.Id}");
        await Assertions.Expect(resident.Locator(".msg.bot", new() { HasText = report.Reference }).Last).ToContainTextAsync("+1");
        await ShotAsync(resident, lang, "3-report-plus-one");

        // A poll: three options typed on three lines (Shift+Enter), then votes with buttons, then /results.
        await SayAsync(coordinator, "/newpoll");
        await ClickAsync(coordinator, coordinator.Locator("button[data-callback^='np:v:']", new() { HasText = "Kalsnava" }));
        await SayAsync(coordinator, "Kur likt jauno soliņu? / Where should the bench go? / Где поставить скамейку?");
        await SayAsync(coordinator, "Pie veikala\nPie pieturas\nPie skolas");
        await Assertions.Expect(Bot(coordinator).Last).ToContainTextAsync("3. Pie skolas");
        foreach (var step in new[] { "np:done", "np:anon:0", "np:multi:0", "np:close:1440", "np:at:now", "np:send" })
        {
            await ClickAsync(coordinator, step);
        }

        var poll = resident.Locator(".poll").Last;
        await poll.Locator("button[data-option='0']").ClickAsync();
        await Assertions.Expect(poll.Locator("button[data-option='0']")).ToHaveClassAsync("chosen");
        await Assertions.Expect(Bot(resident).Last).ToContainTextAsync("Pie veikala");
        await ShotAsync(resident, lang, "4-poll-vote");
        var own = coordinator.Locator(".poll").Last;
        await own.Locator("button[data-option='2']").ClickAsync();
        await Assertions.Expect(own.Locator("button[data-option='2']")).ToHaveClassAsync("chosen");

        await SayAsync(coordinator, "/results");
        await ClickAsync(coordinator, coordinator.Locator("button[data-callback^='pr:']").Last);
        await Assertions.Expect(coordinator.Locator(".msg.bot", new() { HasText = "Pie veikala — 1 (50%)" })).ToHaveCountAsync(1);
        await Assertions.Expect(coordinator.Locator(".msg.bot", new() { HasText = "Pie skolas — 1 (50%)" })).ToHaveCountAsync(1);
        await Assertions.Expect(coordinator.Locator(".msg.bot img").Last).ToBeVisibleAsync();
        await ShotAsync(coordinator, lang, "5-results");

        // The admin's sign-in link is a link that opens in a new tab, without the page as its opener.
        await SayAsync(coordinator, "/web");
        var link = coordinator.Locator("a[href*='/web/login?t=']").Last;
        await Assertions.Expect(link).ToHaveAttributeAsync("rel", "noopener noreferrer");

        // A quiz question answered with a number button: feedback, the explanation and its source follow.
        await SayAsync(resident, "/quiz");
        await ClickAsync(resident, resident.Locator("button[data-callback$=':smart-village-basics']").Last);
        var start = resident.Locator("button[data-callback='qz:start:smart-village-basics']");
        if (await start.CountAsync() > 0)
        {
            await ClickAsync(resident, start.Last);
        }

        await ClickAsync(resident, resident.Locator("button[data-callback^='qz:a:smart-village-basics:']").First);
        await Assertions.Expect(Bot(resident).Filter(new() { HasText = "📖" })).ToHaveCountAsync(1);
        await ShotAsync(resident, lang, "6-quiz");

        // /mydata arrives as a file the page downloads.
        await SayAsync(resident, "/mydata");
        var file = resident.Locator("a.file").Last;
        var download = await resident.RunAndWaitForDownloadAsync(() => file.ClickAsync());
        var export = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains("localChat", export);
        Assert.EndsWith(".json", download.SuggestedFilename);
        await ShotAsync(resident, lang, "7-mydata");
        Assert.True(new FileInfo(Path.Combine(ChromiumFixture.Artifacts, $"local-trial-{lang}-7-mydata.png")).Length > 10_000);
        Assert.True(_errors.Count == 0, string.Join("\n", _errors));
    }

    private async Task<IPage> OpenAsync(string lang, long? person)
    {
        var context = await chromium.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            AcceptDownloads = true,
            Locale = lang,
            ViewportSize = new ViewportSize { Width = 480, Height = 900 },
        });
        context.SetDefaultTimeout(20_000);
        if (person is long id)
        {
            await context.AddCookiesAsync([new Cookie { Name = "vb_local_user", Value = LocalChatPerson.SignedCookie(_host, id), Url = _host.BaseAddress }]);
        }

        var page = await context.NewPageAsync();
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                _errors.Add(m.Text + " " + m.Location);
            }
        };
        await page.GotoAsync($"{_host.BaseAddress}/chat");
        return page;
    }

    private static ILocator Bot(IPage page) => page.Locator(".msg.bot");

    /// <summary>Types like a person (Shift+Enter between lines, Enter to send) and waits for the bot's reply.</summary>
    private static async Task SayAsync(IPage page, string text)
    {
        var before = await Bot(page).CountAsync();
        var input = page.Locator("#t");
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (i > 0)
            {
                await input.PressAsync("Shift+Enter");
            }

            await input.PressSequentiallyAsync(lines[i]);
        }

        await input.PressAsync("Enter");
        await Assertions.Expect(page.Locator(".msg.me").Last).ToHaveTextAsync(text);
        await Assertions.Expect(Bot(page)).Not.ToHaveCountAsync(before);
    }

    private static Task ClickAsync(IPage page, string callback) => ClickAsync(page, page.Locator($"button[data-callback='{callback}']").Last);

    private static async Task ClickAsync(IPage page, ILocator button)
    {
        var before = await Bot(page).AllInnerTextsAsync();
        await button.ClickAsync();
        await page.WaitForFunctionAsync(
            "before => { const now = [...document.querySelectorAll('.msg.bot')].map(e => e.innerText); return now.length !== before.length || now.some((t, i) => t !== before[i]); }",
            before,
            new() { Timeout = 60_000 }); // the first problem of a process waits for the classifier to load
    }

    private static async Task ShotAsync(IPage page, string lang, string step) =>
        await page.ScreenshotAsync(new() { Path = Path.Combine(ChromiumFixture.Artifacts, $"local-trial-{lang}-{step}.png"), FullPage = true });
}
