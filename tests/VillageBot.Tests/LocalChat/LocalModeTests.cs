using System.Net.Http.Json;
using System.Text.Json;
using VillageBot.TestKit;

namespace VillageBot.Tests.LocalChat;

/// <summary>Without a token the bot runs in local mode: the same conversation in a browser page.</summary>
public sealed class LocalModeTests : IAsyncLifetime
{
    private BotHost _host = null!;

    public async Task InitializeAsync() => _host = await BotHost.StartAsync(api: null);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task Local_chat_page_completes_onboarding_with_text_and_buttons()
    {
        using var client = _host.CreateClient();
        Assert.Contains("local", await client.GetStringAsync("/healthz"));
        Assert.Contains("VillageBot", await client.GetStringAsync("/chat"));

        await client.GetStringAsync("/chat/api/messages");
        await client.PostAsJsonAsync("/chat/api/send", new { text = "/start", lang = "en" });
        var picker = await WaitFor(client, m => m.GetProperty("text").GetString()!.Contains("Hello"));
        await client.PostAsJsonAsync("/chat/api/send", new { callback = "lang:en", messageId = picker.GetProperty("id").GetInt32() });
        await WaitFor(client, m => m.GetProperty("text").GetString()!.Contains("Which village"));
        await client.PostAsJsonAsync("/chat/api/send", new { text = "Kalsnava" });
        await WaitFor(client, m => m.GetProperty("text").GetString()!.Contains("Do you agree"));
        await client.PostAsJsonAsync("/chat/api/send", new { callback = "privacy:ok" });
        await WaitFor(client, m => m.GetProperty("text").GetString()!.Contains("Welcome"));
    }

    internal static async Task<JsonElement> WaitFor(HttpClient client, Func<JsonElement, bool> match)
    {
        var until = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < until)
        {
            var list = await client.GetFromJsonAsync<JsonElement>("/chat/api/messages");
            foreach (var m in list.EnumerateArray())
            {
                if (m.GetProperty("from").GetString() == "bot" && match(m))
                {
                    return m;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException("The local chat did not show the expected message.");
    }
}
