using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Infrastructure.Telegram;
using VillageBot.TestKit;

namespace VillageBot.Tests.Transport;

public sealed class TransportTests : BotTest
{
    [Fact]
    public async Task Start_is_answered_within_two_seconds()
    {
        var user = NewUser("lv");
        var clock = Stopwatch.StartNew();
        user.Send("/start");
        await user.NextAsync();
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(2), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task Too_many_requests_is_retried_after_retry_after()
    {
        // The reply waits out two refusals of a second each on purpose; the wait allows for that on a busy machine.
        var user = NewUser("en");
        user.Timeout = TimeSpan.FromSeconds(20);
        Api.FailWith429(user.Id, times: 2, retryAfterSeconds: 1);
        var clock = Stopwatch.StartNew();
        user.Send("/start");
        var reply = await user.NextAsync();
        Assert.Contains("Hello", reply.Text);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1.9), $"answered after {clock.Elapsed}, before retry_after");
        Assert.Single(Api.Events(user.Id), e => e.Method == "sendMessage");
    }

    [Fact]
    public async Task Blocked_bot_marks_the_resident_inactive_and_unblocking_reactivates()
    {
        var user = await MemberAsync("en");
        Api.Block(user.Id);
        user.Send("/help");
        await Host.IdleAsync();
        Assert.False(Host.Db.Residents.FindById(user.Id)!.Active);

        Api.Unblock(user.Id);
        Api.ChatMemberChanged(user.Id, ChatMemberStatus.Member);
        await Host.IdleAsync();
        Assert.True(Host.Db.Residents.FindById(user.Id)!.Active);

        Api.ChatMemberChanged(user.Id, ChatMemberStatus.Kicked);
        await Host.IdleAsync();
        Assert.False(Host.Db.Residents.FindById(user.Id)!.Active);
    }

    [Fact]
    public async Task A_failing_handler_is_answered_politely_and_the_bot_keeps_working()
    {
        var user = await MemberAsync("en");

        // The reply is refused for far longer than the bot waits, so the handler fails; the apology goes through.
        Api.FailWith429(user.Id, times: 1, retryAfterSeconds: 1000);
        var before = Api.LastSeq;
        user.Send("/help");
        await user.ExpectTextAsync("Sorry, something went wrong. Please try again in a moment.");
        await user.ExpectSilenceAsync();
        Assert.DoesNotContain(Api.Events(user.Id), e => e.Seq > before && e.Text?.Contains("What I can do", StringComparison.Ordinal) == true);

        user.Send("/help");
        await user.ExpectTextAsync("What I can do");
    }

    [Fact]
    public async Task One_chat_is_handled_in_order_while_others_run_concurrently()
    {
        var users = Enumerable.Range(0, 20).Select(_ => NewUser("en")).ToList();
        foreach (var u in users)
        {
            u.Send("/start");
            u.Send("/lang");
            u.Send("/whoami");
        }

        foreach (var u in users)
        {
            var first = await u.NextAsync();
            var second = await u.NextAsync();
            var third = await u.NextAsync();
            Assert.Contains("Hello", first.Text);
            Assert.Contains("Choose a language", second.Text);
            Assert.Contains("Telegram id", third.Text);
        }
    }

    [Fact]
    public async Task Unknown_bot_api_method_is_404_like_telegram()
    {
        using var http = new HttpClient();
        var response = await http.PostAsync($"{Api.BaseUrl}/bot{FakeBotApi.Token}/noSuchMethod", new StringContent("{}", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"ok\":false", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Healthz_reports_ready_and_the_mode()
    {
        using var client = Host.CreateClient();
        var body = await client.GetStringAsync("/healthz");
        Assert.Contains("\"ready\"", body);
        Assert.Contains("\"polling\"", body);
    }

    [Fact]
    public async Task Healthz_reports_storage_the_job_server_and_telegram()
    {
        using var client = Host.CreateClient();
        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        var checks = health.RootElement.GetProperty("checks");
        Assert.Equal("healthy", checks.GetProperty("storage").GetProperty("status").GetString());
        Assert.Equal("healthy", checks.GetProperty("telegram").GetProperty("status").GetString());
        Assert.Contains(checks.GetProperty("jobs").GetProperty("status").GetString(), new[] { "healthy", "degraded" });
        Assert.Contains(health.RootElement.GetProperty("health").GetString(), new[] { "healthy", "degraded" });
    }

    [Fact]
    public async Task An_update_received_but_not_handled_before_a_crash_is_handled_after_restart()
    {
        var user = NewUser("en");
        var inbox = Host.Services.GetService(typeof(VillageBot.Infrastructure.Telegram.UpdateInbox)) as VillageBot.Infrastructure.Telegram.UpdateInbox;
        var update = new Update
        {
            Id = 777_000,
            Message = new Message { Id = 1, From = FakeBotApi.Person(user.Id, "en"), Chat = new Chat { Id = user.Id, Type = ChatType.Private }, Date = DateTime.UtcNow, Text = "/start" },
        };
        Assert.True(inbox!.TryAdd(update));
        Host = await Host.RestartAsync();
        var reply = await user.NextAsync();
        Assert.Contains("Hello", reply.Text);
    }
}

public sealed class WebhookTests : BotTest
{
    private const string Secret = "s3cret_Token-for-tests";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Telegram:WebhookUrl"] = "https://bot.example.lv/telegram/webhook",
        ["Telegram:WebhookSecret"] = Secret,
    };

    [Fact]
    public async Task Webhook_is_registered_with_the_secret_at_start()
    {
        await Host.IdleAsync();
        Assert.Equal("https://bot.example.lv/telegram/webhook", Api.WebhookUrl);
        Assert.Equal(Secret, Api.WebhookSecret);
        Assert.Equal(0, Api.CallCount("getUpdates"));
    }

    [Fact]
    public async Task Update_with_the_right_secret_is_processed_and_answered_through_the_client()
    {
        using var client = Host.CreateClient();
        var user = NewUser("en");
        var response = await Post(client, Update(user.Id, "/start", 1), Secret);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var reply = await user.NextAsync();
        Assert.Contains("Hello", reply.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong")]
    [InlineData("")]
    public async Task Update_without_the_right_secret_is_401_and_not_processed(string? secret)
    {
        using var client = Host.CreateClient();
        var user = NewUser("en");
        var response = await Post(client, Update(user.Id, "/start", 2), secret);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        await user.ExpectSilenceAsync();
        Assert.Null(Host.Db.Residents.FindById(user.Id));
    }

    [Fact]
    public async Task The_same_update_delivered_twice_is_handled_once()
    {
        using var client = Host.CreateClient();
        var user = NewUser("en");
        var update = Update(user.Id, "/whoami", 3);
        await Post(client, update, Secret);
        await Post(client, update, Secret);
        await user.NextAsync();
        await user.ExpectSilenceAsync();
    }

    [Fact]
    public async Task An_update_arriving_while_the_bot_stops_is_refused_so_that_telegram_delivers_it_again()
    {
        var user = NewUser("en");
        var update = Update(user.Id, "/start", 4);
        await Host.Services.GetRequiredService<UpdateDispatcher>().StopAsync(TimeSpan.FromSeconds(10));
        using (var client = Host.CreateClient())
        {
            Assert.Equal(HttpStatusCode.ServiceUnavailable, (await Post(client, update, Secret)).StatusCode);
        }

        Host = await Host.RestartAsync();
        using var again = Host.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await Post(again, update, Secret)).StatusCode);
        Assert.Contains("Hello", (await user.NextAsync()).Text);
    }

    private static Update Update(long userId, string text, int id) => new()
    {
        Id = (int)(userId % 100_000) * 10 + id,
        Message = new Message { Id = id, From = FakeBotApi.Person(userId, "en"), Chat = new Chat { Id = userId, Type = ChatType.Private }, Date = DateTime.UtcNow, Text = text },
    };

    private static Task<HttpResponseMessage> Post(HttpClient client, Update update, string? secret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/telegram/webhook")
        {
            Content = new StringContent(JsonSerializer.Serialize(update, JsonBotAPI.Options), Encoding.UTF8, "application/json"),
        };
        if (secret is not null)
        {
            request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", secret);
        }

        return client.SendAsync(request);
    }
}
