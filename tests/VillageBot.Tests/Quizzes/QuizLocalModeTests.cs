using System.Net.Http.Json;
using System.Text.Json;
using VillageBot.TestKit;
using VillageBot.Tests.LocalChat;

namespace VillageBot.Tests.Quizzes;

/// <summary>The local chat page cannot answer native polls, so there every question comes with buttons.</summary>
public sealed class QuizLocalModeTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(api: null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task In_local_mode_questions_are_answered_with_buttons()
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
        var question = await LocalModeTests.WaitFor(client, m => Text(m).StartsWith("📝 1/12 · Smart village basics", StringComparison.Ordinal));
        var buttons = question.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(b => b.GetProperty("data").GetString()).ToList();
        Assert.Equal(["qz:a:smart-village-basics:1:0:0", "qz:a:smart-village-basics:1:0:1", "qz:a:smart-village-basics:1:0:2", "qz:a:smart-village-basics:1:0:3"], buttons);

        await client.PostAsJsonAsync("/chat/api/send", new { callback = "qz:a:smart-village-basics:1:0:2", messageId = question.GetProperty("id").GetInt32() });
        await LocalModeTests.WaitFor(client, m => Text(m).StartsWith("✅ Correct!", StringComparison.Ordinal));
        await LocalModeTests.WaitFor(client, m => Text(m).StartsWith("📝 2/12", StringComparison.Ordinal));
    }

    private static string Text(JsonElement m) => m.GetProperty("text").GetString()!;
}
