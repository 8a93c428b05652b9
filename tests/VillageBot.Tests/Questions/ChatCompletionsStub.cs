using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace VillageBot.Tests.Questions;

/// <summary>An OpenAI-compatible chat-completions server on loopback that records requests and answers, fails or stalls on demand.</summary>
public sealed class ChatCompletionsStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly TaskCompletionSource _firstRequest = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ChatCompletionsStub(WebApplication app) => _app = app;

    /// <summary>The base address to configure as Ai:Endpoint, ending in /v1.</summary>
    public string Endpoint { get; private set; } = "";

    public ConcurrentQueue<JsonElement> Requests { get; } = new();

    /// <summary>Completes when the first request has arrived.</summary>
    public Task FirstRequest => _firstRequest.Task;

    public string Reply { get; set; } = "Stub answer [LEADER].";

    public int StatusCode { get; set; } = 200;

    /// <summary>How long to wait before answering, to play a slow service.</summary>
    public TimeSpan Stall { get; set; } = TimeSpan.Zero;

    public static async Task<ChatCompletionsStub> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stub = new ChatCompletionsStub(app);
        app.MapPost("/v1/chat/completions", (Delegate)stub.CompleteAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        stub.Endpoint = address.TrimEnd('/') + "/v1";
        return stub;
    }

    /// <summary>Every message text the bot sent in its requests, joined.</summary>
    public string SentText => string.Join("\n", Requests.SelectMany(r => r.GetProperty("messages").EnumerateArray()).Select(m => m.GetProperty("content").ToString()));

    private async Task<IResult> CompleteAsync(HttpContext http)
    {
        using var body = await JsonDocument.ParseAsync(http.Request.Body);
        Requests.Enqueue(body.RootElement.Clone());
        _firstRequest.TrySetResult();
        if (Stall > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Stall, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return Results.StatusCode(499);
            }
        }

        if (StatusCode != 200)
        {
            return Results.Json(new { error = new { message = "stub failure", type = "server_error" } }, statusCode: StatusCode);
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

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
