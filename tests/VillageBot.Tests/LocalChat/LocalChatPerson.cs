using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.LocalChat;
using VillageBot.TestKit;

namespace VillageBot.Tests.LocalChat;

/// <summary>One browser on the local chat page, driven through the page's own API.</summary>
internal sealed class LocalChatPerson(HttpClient client, string lang) : IDisposable
{
    private long _mark;

    public HttpClient Client { get; } = client;

    public string Lang { get; } = lang;

    /// <summary>A new browser: the bot names its person with the first request.</summary>
    public static LocalChatPerson New(BotHost host, string lang) => new(host.CreateClient(), lang);

    /// <summary>A browser that holds the signed cookie of a chosen person (e.g. the configured admin).</summary>
    public static LocalChatPerson As(BotHost host, long userId, string lang)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Cookie", $"{LocalChatEndpoints.Cookie}={SignedCookie(host, userId)}");
        return new(client, lang);
    }

    public static string SignedCookie(BotHost host, long userId) =>
        host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector(LocalChatEndpoints.Purpose).Protect(userId.ToString(CultureInfo.InvariantCulture));

    public async Task SendAsync(string text) => await PostAsync("/chat/api/send", new { text, lang = Lang });

    public async Task ClickAsync(string data, JsonElement? message = null) =>
        await PostAsync("/chat/api/send", new { callback = data, messageId = message?.GetProperty("id").GetInt32(), lang = Lang });

    public async Task<HttpResponseMessage> VoteAsync(JsonElement message, params int[] options)
    {
        await MarkAsync();
        return await Client.PostAsJsonAsync("/chat/api/vote", new { messageId = message.GetProperty("id").GetInt32(), options, lang = Lang });
    }

    public async Task<JsonElement> MessagesAsync() => await Client.GetFromJsonAsync<JsonElement>("/chat/api/messages");

    /// <summary>The first bot message, new or changed since this person's last action, that matches.</summary>
    public async Task<JsonElement> ExpectAsync(Func<JsonElement, bool> match)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < until)
        {
            var list = await Client.GetFromJsonAsync<JsonElement>($"/chat/api/messages?since={_mark}");
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

    public Task<JsonElement> ExpectTextAsync(string part) => ExpectAsync(m => Text(m).Contains(part, StringComparison.Ordinal));

    public Task<JsonElement> ExpectButtonAsync(string data) => ExpectAsync(m => Buttons(m).Contains(data));

    public async Task OnboardAsync(string village = "kalsnava")
    {
        await SendAsync("/start " + village);
        var picker = await ExpectButtonAsync("lang:" + Lang);
        await ClickAsync("lang:" + Lang, picker);
        var privacy = await ExpectButtonAsync("privacy:ok");
        await ClickAsync("privacy:ok", privacy);
        await ExpectAsync(m => Text(m).Contains("/help", StringComparison.Ordinal));
    }

    public static string Text(JsonElement m) => m.GetProperty("text").GetString()!;

    public static List<string> Buttons(JsonElement m) => m.GetProperty("buttons").ValueKind == JsonValueKind.Array
        ? [.. m.GetProperty("buttons").EnumerateArray().SelectMany(r => r.EnumerateArray()).Select(b => b.GetProperty("data").GetString() ?? "")]
        : [];

    public static bool HasPoll(JsonElement m) => m.GetProperty("poll").ValueKind == JsonValueKind.Object;

    public void Dispose() => Client.Dispose();

    private async Task PostAsync(string url, object body)
    {
        await MarkAsync();
        using var response = await Client.PostAsJsonAsync(url, body);
        response.EnsureSuccessStatusCode();
    }

    private async Task MarkAsync()
    {
        var list = await MessagesAsync();
        _mark = list.EnumerateArray().Select(m => m.GetProperty("version").GetInt64()).DefaultIfEmpty(_mark).Max();
    }
}
