using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http;

namespace VillageBot.Tests.VoiceMessages;

/// <summary>An OpenAI-compatible /v1/audio/transcriptions server on loopback: records what it was sent, answers, fails or stalls on demand.</summary>
public sealed class TranscriptionStub : LoopbackStub
{
    private TranscriptionStub()
    {
    }

    /// <summary>One request as the server saw it: the form fields and the uploaded recording.</summary>
    public sealed record Received(string Model, string? Language, string FileName, byte[] Audio);

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>What the server "heard", whatever language it was asked for.</summary>
    public string Reply { get; set; } = "";

    public static Task<TranscriptionStub> StartAsync()
    {
        var stub = new TranscriptionStub();
        return StartAsync(stub, "/v1/audio/transcriptions", stub.TranscribeAsync);
    }

    private async Task<IResult> TranscribeAsync(HttpContext http)
    {
        var form = await http.Request.ReadFormAsync();
        var file = form.Files["file"];
        using var audio = new MemoryStream();
        if (file is not null)
        {
            await file.CopyToAsync(audio);
        }

        Requests.Enqueue(new Received(form["model"].ToString(), form.TryGetValue("language", out var l) ? l.ToString() : null, file?.FileName ?? "", audio.ToArray()));
        if (!await StallAsync(http))
        {
            return Results.StatusCode(499);
        }

        if (StatusCode != 200)
        {
            return Failure();
        }

        return form["response_format"].ToString() == "text"
            ? Results.Text(Reply)
            : Results.Json(new { task = "transcribe", language = "latvian", duration = 3.0, text = Reply, segments = Array.Empty<object>() });
    }
}
