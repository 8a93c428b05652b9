using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using VillageBot.TestKit;
using VillageBot.Tests.Foundation;

namespace VillageBot.Tests.Quizzes;

/// <summary>The local chat page shows quiz questions as Telegram's quiz polls, answered with buttons.</summary>
public sealed class QuizLocalModeTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(api: null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task In_local_mode_a_quiz_poll_is_answered_with_a_button_and_marks_right_and_wrong()
    {
        using var client = _host.CreateClient();
        await client.GetStringAsync("/chat/api/messages");
        await client.PostAsJsonAsync("/chat/api/send", new { text = "/start kalsnava", lang = "en" });
        var picker = await LocalModeTests.WaitFor(client, m => Text(m).Contains("Hello"));
        await client.PostAsJsonAsync("/chat/api/send", new { callback = "lang:en", messageId = picker.GetProperty("id").GetInt32() });
        await LocalModeTests.WaitFor(client, m => Text(m).Contains("Do you agree"));
        await client.PostAsJsonAsync("/chat/api/send", new { callback = "privacy:ok" });
        await LocalModeTests.WaitFor(client, m => Text(m).Contains("Welcome"));

        await client.PostAsJsonAsync("/chat/api/send", new { callback = "qz:start:smart-village-basics" });
        var question = await LocalModeTests.WaitFor(client, m => Text(m).StartsWith("1/12. ", StringComparison.Ordinal));
        var poll = question.GetProperty("poll");
        Assert.True(poll.GetProperty("quiz").GetBoolean());
        Assert.Equal(4, poll.GetProperty("options").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, poll.GetProperty("correct").ValueKind);

        var vote = new { messageId = question.GetProperty("id").GetInt32(), options = new[] { 0 }, lang = "en" };
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsJsonAsync("/chat/api/vote", vote)).StatusCode);
        await LocalModeTests.WaitFor(client, m => Text(m).StartsWith("2/12. ", StringComparison.Ordinal));
        var answered = await LocalModeTests.WaitFor(client, m => m.GetProperty("id").GetInt32() == vote.messageId);
        Assert.Equal(2, answered.GetProperty("poll").GetProperty("correct").GetInt32());
        Assert.False(string.IsNullOrEmpty(answered.GetProperty("poll").GetProperty("explanation").GetString()));

        // A quiz is answered once, as in Telegram.
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync("/chat/api/vote", vote with { options = [2] })).StatusCode);
    }

    private static string Text(JsonElement m) => m.GetProperty("text").GetString()!;
}
