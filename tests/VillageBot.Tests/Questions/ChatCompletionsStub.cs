using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace VillageBot.Tests.Questions;

/// <summary>An OpenAI-compatible chat-completions server on loopback that records requests and answers, fails or stalls on demand.</summary>
public sealed class ChatCompletionsStub : LoopbackStub
{
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChatCompletionsStub()
    {
    }

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    /// <summary>Completes when the first request has arrived.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public string Reply { get; set; } = "Stub answer [LEADER].";

    public static Task<ChatCompletionsStub> StartAsync()
    {
        var stub = new ChatCompletionsStub();
        return StartAsync(stub, "/v1/chat/completions", stub.CompleteAsync);
    }

    /// <summary>Every message text the bot sent in its requests, joined.</summary>
    public string SentText => string.Join("\n", Requests.SelectMany(r => r.GetProperty("messages").EnumerateArray()).Select(m => m.GetProperty("content").ToString()));

    private async Task<IResult> CompleteAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        Requests.Enqueue(body.RootElement.Clone());
        _firstRequest.TrySetResult();
        if (!await StallAsync(http))
        {
            return Results.StatusCode(499);
        }

        if (StatusCode != 200)
        {
            return Failure();
        }

        return Results.Json(new
        {
            id = "chatcmpl-stub",
            @object = "chat.completion",
            created = 1_700_000_000,
            model = body.RootElement.GetProperty("model").GetString(),
            choices = new[] { new { index = 0, message = new { role = "assistant", content = Reply }, finish_reason = "stop" } },
            usage = new { prompt_tokens = 100, completion_tokens = 10, total_tokens = 110 },
        });
    }
}
