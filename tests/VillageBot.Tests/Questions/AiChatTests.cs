using VillageBot.TestKit;

namespace VillageBot.Tests.Questions;

/// <summary>The bot with an OpenAI-compatible service configured, pointed at a local stub.</summary>
public sealed class AiChatTests : IAsyncLifetime
{
    private ChatCompletionsStub _stub = null!;
    private FakeBotApi _api = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _stub = await ChatCompletionsStub.StartAsync();
        _api = await FakeBotApi.StartAsync();
        // A timeout far beyond any wait here: the slow-service test holds the service for as long as it needs.
        _host = await BotHost.StartAsync(_api, settings: AiAnswerTests.Settings(_stub.Endpoint, timeoutSeconds: 60));
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _api.DisposeAsync();
        await _stub.DisposeAsync();
    }

    [Fact]
    public async Task A_question_is_answered_in_the_words_of_the_service_with_the_sources_listed_by_the_bot()
    {
        _stub.Reply = "LEADER lets local people decide how part of the EU rural money is spent [LEADER and CLLD].";
        var user = await MemberAsync();
        user.Send("What is LEADER?");
        var answer = await user.ExpectTextAsync("Sources:");

        Assert.StartsWith(_stub.Reply, answer.Text, StringComparison.Ordinal);
        Assert.Contains("• LEADER and community-led local development (CLLD)", answer.Text, StringComparison.Ordinal);
        Assert.Contains("What is LEADER?", _stub.SentText, StringComparison.Ordinal);
        Assert.Contains("Write in English", _stub.SentText, StringComparison.Ordinal);
        Assert.True(_api.CallCount("sendChatAction") >= 1);
    }

    [Fact]
    public async Task When_the_service_fails_the_person_still_gets_the_retrieval_answer_with_sources()
    {
        _stub.StatusCode = 500;
        var user = await MemberAsync();
        user.Send("What is LEADER?");
        var answer = await user.ExpectTextAsync("Sources:");
        Assert.Contains("local action group", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(_stub.Requests);
    }

    [Fact]
    public async Task A_slow_service_does_not_hold_up_other_chats()
    {
        _stub.Reply = "LEADER lets local people decide how part of the EU rural money is spent [LEADER and CLLD].";
        var release = _stub.Hold();
        var slow = await MemberAsync();
        var other = await MemberAsync();
        slow.Send("What is LEADER?");
        await _stub.FirstRequest.WaitAsync(TimeSpan.FromSeconds(10));

        // While the service keeps the first person waiting (well within the bot's timeout), another is answered.
        other.Send("/help");
        await other.ExpectTextAsync("What I can do");
        Assert.DoesNotContain(_api.Events(slow.Id), e => e.Text?.Contains("Sources:", StringComparison.Ordinal) == true);

        release();
        var answer = await slow.ExpectTextAsync("Sources:");
        Assert.StartsWith(_stub.Reply, answer.Text, StringComparison.Ordinal);
    }

    private async Task<FakeUser> MemberAsync()
    {
        var user = new FakeUser(_api, Random.Shared.NextInt64(100_000, 900_000), "en");
        await user.OnboardAsync("kalsnava");
        return user;
    }
}
