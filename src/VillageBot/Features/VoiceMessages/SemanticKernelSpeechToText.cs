using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.AudioToText;
using Microsoft.SemanticKernel.Connectors.OpenAI;
using OpenAI;

#pragma warning disable SKEXP0001, SKEXP0010 // Semantic Kernel marks its audio-to-text service as experimental.

namespace VillageBot.Features.VoiceMessages;

/// <summary>
/// Transcribes through Semantic Kernel's OpenAI audio-to-text service, pointed at Speech:Endpoint (any server that
/// speaks /v1/audio/transcriptions). Failures and answers slower than Speech:TimeoutSeconds yield null.
/// </summary>
public sealed class SemanticKernelSpeechToText : ISpeechToText
{
    public const string HttpClientName = "speech";

    private readonly IAudioToTextService _service;
    private readonly TimeSpan _timeout;
    private readonly ILogger<SemanticKernelSpeechToText> _log;

    public SemanticKernelSpeechToText(IOptions<SpeechOptions> options, IHttpClientFactory http, ILogger<SemanticKernelSpeechToText> log)
    {
        var o = options.Value;
        _timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        _log = log;
        var client = new OpenAIClient(
            new ApiKeyCredential(string.IsNullOrWhiteSpace(o.ApiKey) ? "none" : o.ApiKey),
            new OpenAIClientOptions
            {
                Endpoint = string.IsNullOrWhiteSpace(o.Endpoint) ? null : new Uri(o.Endpoint),
                Transport = new HttpClientPipelineTransport(http.CreateClient(HttpClientName)),

                // The person is waiting in the chat: one attempt within the timeout, then a polite reply.
                RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            });
        _service = Kernel.CreateBuilder().AddOpenAIAudioToText(o.Model, client).Build().GetRequiredService<IAudioToTextService>();
    }

    public async Task<string?> TranscribeAsync(byte[] audio, string lang, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            var settings = new OpenAIAudioToTextExecutionSettings("voice.ogg") { Language = lang, Temperature = 0 };
            // WaitAsync as well: the connector does not pass every token on to the request, and the person waits.
            var result = await _service.GetTextContentAsync(new AudioContent(audio, "audio/ogg"), settings, cancellationToken: timeout.Token)
                .WaitAsync(timeout.Token);
            return result.Text?.Trim() ?? "";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _log.LogWarning("The speech service did not answer within {Seconds}s", _timeout.TotalSeconds);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogWarning(e, "The speech service failed");
            return null;
        }
    }
}
