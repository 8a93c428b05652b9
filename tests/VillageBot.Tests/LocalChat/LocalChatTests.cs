using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VillageBot.TestKit;
using static VillageBot.Tests.LocalChat.LocalChatPerson;

namespace VillageBot.Tests.LocalChat;

/// <summary>The local trial through the chat page's API: polls, multi-line text, files, languages and restarts.</summary>
public sealed class LocalChatTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await BotHost.StartAsync(api: null, settings: new Dictionary<string, string?> { ["RateLimits:ChatApiPerMinute"] = "0" });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_poll_on_the_page_is_voted_with_buttons_and_results_count_the_votes()
    {
        using var admin = As(_host, BotHost.AdminId, "en");
        await admin.OnboardAsync();
        using var resident = New(_host, "lv");
        await resident.OnboardAsync();

        await CreatePollAsync(admin, "Where should the new bench go?", "By the shop\nAt the bus stop\nNear the school", multiple: true);
        await admin.ExpectTextAsync("Delivered: 2");

        var poll = await resident.ExpectAsync(HasPoll);
        Assert.Equal("Where should the new bench go?", Text(poll));
        Assert.Equal(["By the shop", "At the bus stop", "Near the school"], poll.GetProperty("poll").GetProperty("options").EnumerateArray().Select(o => o.GetString()));
        Assert.True(poll.GetProperty("poll").GetProperty("multiple").GetBoolean());
        var own = await admin.ExpectAsync(HasPoll);

        // Options that do not exist, none at all, or somebody else's poll: refused, nothing counted.
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.VoteAsync(poll, 7)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await resident.VoteAsync(poll)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.VoteAsync(poll, 0)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await resident.VoteAsync(poll, 0, 2)).StatusCode);
        await resident.ExpectTextAsync("balss ir ieskaitīta: By the shop, Near the school");
        var shown = await resident.ExpectAsync(m => HasPoll(m) && m.GetProperty("poll").GetProperty("chosen").GetArrayLength() == 2);
        Assert.Equal([0, 2], shown.GetProperty("poll").GetProperty("chosen").EnumerateArray().Select(i => i.GetInt32()));

        Assert.Equal(HttpStatusCode.OK, (await admin.VoteAsync(own, 2)).StatusCode);
        await admin.ExpectTextAsync("your vote has been counted: Near the school");

        await admin.SendAsync("/results");
        var list = await admin.ExpectAsync(m => Buttons(m).Any(b => b.StartsWith("pr:", StringComparison.Ordinal)));
        await admin.ClickAsync(Buttons(list).First(b => b.StartsWith("pr:", StringComparison.Ordinal)), list);
        var results = await admin.ExpectTextAsync("Voted: 2 of 2");
        Assert.Contains("By the shop — 1 (50%)", Text(results));
        Assert.Contains("At the bus stop — 0 (0%)", Text(results));
        Assert.Contains("Near the school — 2 (100%)", Text(results));
        await admin.ExpectAsync(m => m.GetProperty("image").ValueKind == JsonValueKind.String);
    }

    [Fact]
    public async Task Three_lines_typed_with_shift_enter_arrive_as_three_lines_and_three_options()
    {
        using var admin = As(_host, BotHost.AdminId, "en");
        await admin.OnboardAsync();
        await StartPollAsync(admin, "Which day suits the clean-up?");
        await admin.SendAsync("Saturday\nSunday\nMonday evening");
        var preview = await admin.ExpectButtonAsync("np:done");
        Assert.Contains("1. Saturday", Text(preview));
        Assert.Contains("3. Monday evening", Text(preview));

        var mine = (await admin.MessagesAsync()).EnumerateArray().Last(m => m.GetProperty("from").GetString() == "me");
        Assert.Equal("Saturday\nSunday\nMonday evening", Text(mine));
    }

    [Fact]
    public async Task The_mydata_file_downloads_for_its_person_only_and_holds_the_conversation()
    {
        using var person = New(_host, "en");
        await person.OnboardAsync();
        await person.SendAsync("/mydata");
        var sent = await person.ExpectAsync(m => m.GetProperty("file").ValueKind == JsonValueKind.Object);
        var url = sent.GetProperty("file").GetProperty("url").GetString()!;
        Assert.EndsWith(".json", sent.GetProperty("file").GetProperty("name").GetString());

        using var download = await person.Client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        var export = await download.Content.ReadAsStringAsync();
        Assert.Contains("localChat", export);
        Assert.Contains("/mydata", export);

        using var stranger = New(_host, "en");
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task The_sign_in_link_arrives_as_an_address_the_page_can_open()
    {
        using var admin = As(_host, BotHost.AdminId, "en");
        await admin.OnboardAsync();
        await admin.SendAsync("/web");
        var link = await admin.ExpectTextAsync("/web/login?t=");
        Assert.Matches(@"https?://\S+/web/login\?t=\S+", Text(link));
    }

    [Fact]
    public async Task The_page_speaks_the_persons_language_and_follows_a_lang_switch()
    {
        using var person = New(_host, "ru");
        var before = await person.Client.GetFromJsonAsync<JsonElement>("/chat/api/texts?lang=ru");
        Assert.Equal("VillageBot — локальный чат", before.GetProperty("title").GetString());

        await person.OnboardAsync();
        using var read = await person.Client.GetAsync("/chat/api/messages");
        Assert.Equal("ru", Assert.Single(read.Content.Headers.ContentLanguage));

        await person.SendAsync("/lang");
        var picker = await person.ExpectButtonAsync("lang:lv");
        await person.ClickAsync("lang:lv", picker);
        await person.ExpectAsync(m => !Buttons(m).Contains("lang:lv"));
        using var after = await person.Client.GetAsync("/chat/api/messages");
        Assert.Equal("lv", Assert.Single(after.Content.Headers.ContentLanguage));
        var texts = await person.Client.GetFromJsonAsync<JsonElement>("/chat/api/texts?lang=en");
        Assert.Equal("VillageBot — vietējā sarunu lapa", texts.GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_restart_keeps_every_browsers_conversation()
    {
        var cookies = new List<string>();
        var transcripts = new List<string>();
        foreach (var lang in new[] { "lv", "en" })
        {
            using var person = New(_host, lang);
            await person.OnboardAsync();
            await person.SendAsync("/whoami");
            var whoami = await person.ExpectAsync(m => Text(m).Contains("Telegram I", StringComparison.OrdinalIgnoreCase));
            cookies.Add(SignedCookie(_host, long.Parse(System.Text.RegularExpressions.Regex.Match(Text(whoami), @"\d{6,}").Value, System.Globalization.CultureInfo.InvariantCulture)));
            await _host.IdleAsync();
            transcripts.Add((await person.MessagesAsync()).ToString());
        }

        _host = await _host.RestartAsync();
        for (var i = 0; i < cookies.Count; i++)
        {
            using var client = _host.CreateClient();
            client.DefaultRequestHeaders.Add("Cookie", "vb_local_user=" + cookies[i]);
            Assert.Equal(transcripts[i], (await client.GetFromJsonAsync<JsonElement>("/chat/api/messages")).ToString());
        }
    }

    [Fact]
    public async Task The_page_runs_no_inline_code_under_a_strict_policy()
    {
        using var client = _host.CreateClient();
        using var page = await client.GetAsync("/chat");
        var html = await page.Content.ReadAsStringAsync();
        var policy = string.Join(' ', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy);
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.DoesNotContain("<style", html);
        Assert.Matches("<script src=\"/chat/chat.js\"", html);
        Assert.DoesNotContain("innerHTML", await client.GetStringAsync("/chat/chat.js"));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/chat/chat.css")).StatusCode);
    }

    internal static async Task StartPollAsync(LocalChatPerson admin, string question)
    {
        await admin.SendAsync("/newpoll");
        var villages = await admin.ExpectAsync(m => Buttons(m).Any(b => b.StartsWith("np:v:", StringComparison.Ordinal)));
        var kalsnava = villages.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray())
            .First(b => b.GetProperty("text").GetString()!.Contains("Kalsnava", StringComparison.Ordinal)).GetProperty("data").GetString()!;
        await admin.ClickAsync(kalsnava, villages);
        await admin.ExpectTextAsync("Write the question");
        await admin.SendAsync(question);
        await admin.ExpectTextAsync("answer options");
    }

    internal static async Task CreatePollAsync(LocalChatPerson admin, string question, string options, bool multiple = false)
    {
        await StartPollAsync(admin, question);
        await admin.SendAsync(options);
        foreach (var step in new[] { "np:done", "np:anon:0", multiple ? "np:multi:1" : "np:multi:0", "np:close:1440", "np:at:now", "np:send" })
        {
            var message = await admin.ExpectButtonAsync(step);
            await admin.ClickAsync(step, message);
        }
    }
}
