using System.Net;
using System.Net.Http.Json;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using System.Text.Json;
using VillageBot.TestKit;
using VillageBot.Tests.LocalChat;

namespace VillageBot.Tests.Security;

/// <summary>Local mode (no token): who a browser is, who may reach the page, and what it accepts.</summary>
public sealed class LocalModeSecurityTests : IAsyncDisposable
{
    private BotHost? _host;

    private async Task<BotHost> StartAsync(IDictionary<string, string?>? settings = null) =>
        _host = await BotHost.StartAsync(api: null, settings: settings, configure: PeerAddress.Install);

    public async ValueTask DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_person_cookie_the_browser_wrote_itself_gets_a_new_person_never_another_persons_transcript()
    {
        var host = await StartAsync();
        using var victim = host.CreateClient();
        var victimId = await SendAsync(victim, null, "/start");
        await LocalModeTests.WaitFor(victim, m => m.GetProperty("text").GetString()!.Contains("Hello"));

        using var forger = host.CreateClient();
        using var read = await forger.SendAsync(WithCookie(HttpMethod.Get, "/chat/api/messages", victimId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal("[]", (await read.Content.ReadAsStringAsync()).Trim());
        Assert.Contains(read.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vb_local_user=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_forged_admin_cookie_gets_a_new_person_and_no_sign_in_link()
    {
        var host = await StartAsync();
        using var forger = host.CreateClient();
        var request = WithCookie(HttpMethod.Post, "/chat/api/send", BotHost.AdminId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Content = JsonContent.Create(new { text = "/web", lang = "en" });
        using var response = await forger.SendAsync(request);
        var given = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetInt64();
        Assert.NotEqual(BotHost.AdminId, given);

        // The forger's client now holds the cookie of the new person the bot gave it; the bot answers that person.
        var reply = await LocalModeTests.WaitFor(forger, _ => true);
        Assert.DoesNotContain("/web/login", reply.GetProperty("text").GetString());
        await host.IdleAsync();
        var all = await forger.GetStringAsync("/chat/api/messages");
        Assert.DoesNotContain("/web/login", all);
    }

    [Fact]
    public async Task A_newcomer_tries_the_admin_side_by_naming_their_own_person_as_admin_and_restarting()
    {
        var host = await StartAsync();
        using var first = host.CreateClient();
        using var start = await first.PostAsJsonAsync("/chat/api/send", new { text = "/whoami", lang = "en" });
        var cookie = start.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("vb_local_user=", StringComparison.Ordinal)).Split(';')[0];
        var whoami = await LocalModeTests.WaitFor(first, m => m.GetProperty("text").GetString()!.Contains("Telegram id"));
        var id = System.Text.RegularExpressions.Regex.Match(whoami.GetProperty("text").GetString()!, @"\d{6,}").Value;

        host.Settings["Bot:AdminIds:0"] = id;
        _host = host = await host.RestartAsync();
        using var again = host.CreateClient();
        var send = new HttpRequestMessage(HttpMethod.Post, "/chat/api/send") { Content = JsonContent.Create(new { text = "/web", lang = "en" }) };
        send.Headers.Add("Cookie", cookie);
        using var sent = await again.SendAsync(send);
        Assert.Equal(id, (await sent.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));

        var until = DateTime.UtcNow.AddSeconds(10);
        var transcript = "";
        while (!transcript.Contains("/web/login?t=", StringComparison.Ordinal) && DateTime.UtcNow < until)
        {
            var read = new HttpRequestMessage(HttpMethod.Get, "/chat/api/messages");
            read.Headers.Add("Cookie", cookie);
            transcript = await (await again.SendAsync(read)).Content.ReadAsStringAsync();
            await Task.Delay(50);
        }

        Assert.Contains("/web/login?t=", transcript);
    }

    [Fact]
    public async Task Local_mode_refuses_other_machines_unless_allowed()
    {
        var host = await StartAsync();
        using var client = host.CreateClient();
        using var remote = await client.SendAsync(PeerAddress.Request(HttpMethod.Get, "/chat/api/messages", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.Forbidden, remote.StatusCode);
        using var local = await client.SendAsync(PeerAddress.Request(HttpMethod.Get, "/chat/api/messages", "127.0.0.1"));
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        await host.DisposeAsync();

        host = await StartAsync(new Dictionary<string, string?> { ["LocalChat:AllowRemote"] = "true" });
        using var allowed = host.CreateClient();
        using var opened = await allowed.SendAsync(PeerAddress.Request(HttpMethod.Get, "/chat/api/messages", "203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, opened.StatusCode);
    }

    [Fact]
    public async Task A_message_over_the_length_limit_is_refused_with_a_clear_error_and_not_shown()
    {
        var host = await StartAsync();
        using var client = host.CreateClient();
        using var response = await client.PostAsJsonAsync("/chat/api/send", new { text = new string('x', 4097), lang = "en" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("too long: at most 4096 characters", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
        await host.IdleAsync();
        Assert.Equal("[]", (await client.GetStringAsync("/chat/api/messages")).Trim());
    }

    [Fact]
    public async Task The_page_keeps_only_the_last_messages_of_a_person()
    {
        var host = await StartAsync(new Dictionary<string, string?> { ["LocalChat:MaxHistory"] = "10" });
        using var client = host.CreateClient();
        for (var i = 0; i < 15; i++)
        {
            await SendAsync(client, null, $"/whoami {i}");
        }

        await LocalModeTests.WaitFor(client, m => m.GetProperty("text").GetString()!.Contains("Telegram id"));
        await host.IdleAsync();
        var list = await client.GetFromJsonAsync<JsonElement>("/chat/api/messages");
        Assert.Equal(10, list.GetArrayLength());
        Assert.DoesNotContain("\"/whoami 0\"", list.ToString());
        Assert.Equal("bot", list[9].GetProperty("from").GetString());
    }

    [Fact]
    public async Task The_chat_api_answers_429_with_retry_after_past_its_limit()
    {
        var host = await StartAsync(new Dictionary<string, string?> { ["RateLimits:ChatApiPerMinute"] = "3" });
        using var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/chat/api/messages")).StatusCode);
        }

        using var refused = await client.GetAsync("/chat/api/messages");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    public async Task A_webhook_address_without_a_token_refuses_to_start_instead_of_opening_local_mode()
    {
        var e = await Assert.ThrowsAnyAsync<Exception>(() => StartAsync(new Dictionary<string, string?>
        {
            ["Telegram:WebhookUrl"] = "https://bot.example.lv/telegram/webhook",
            ["Telegram:WebhookSecret"] = "s3cret_Token-for-tests",
        }));
        Assert.Contains("Telegram:WebhookUrl is set but Telegram:BotToken is empty", e.ToString());
    }

    [Fact]
    public async Task Local_mode_told_to_listen_on_every_address_listens_on_loopback_only()
    {
        var data = BotHost.NewDataDirectory();
        await using var bot = await ProcessHost.StartAsync(api: null, data, listenHost: "0.0.0.0");

        // Ready through 127.0.0.1 (the host checked /healthz there); no other address of this machine answers.
        Assert.Contains($"Local mode listens on http://127.0.0.1:{bot.Port} only", bot.Output);
        foreach (var address in OwnAddresses())
        {
            using var probe = new TcpClient();
            await Assert.ThrowsAnyAsync<SocketException>(() => probe.ConnectAsync(address, bot.Port));
        }
    }

    private static IEnumerable<IPAddress> OwnAddresses() =>
        NetworkInterface.GetAllNetworkInterfaces().Where(n => n.OperationalStatus == OperationalStatus.Up)
            .SelectMany(n => n.GetIPProperties().UnicastAddresses).Select(a => a.Address)
            .Where(a => a.AddressFamily == AddressFamily.InterNetwork && !IPAddress.IsLoopback(a));

    private static async Task<long> SendAsync(HttpClient client, string? cookie, string text)
    {
        var request = cookie is null ? new HttpRequestMessage(HttpMethod.Post, "/chat/api/send") : WithCookie(HttpMethod.Post, "/chat/api/send", cookie);
        request.Content = JsonContent.Create(new { text, lang = "en" });
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("userId").GetInt64();
    }

    private static HttpRequestMessage WithCookie(HttpMethod method, string url, string value)
    {
        var request = new HttpRequestMessage(method, url);
        request.Headers.Add("Cookie", $"vb_local_user={value}");
        return request;
    }
}
