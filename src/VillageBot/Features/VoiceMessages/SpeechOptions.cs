using Microsoft.Extensions.Options;

namespace VillageBot.Features.VoiceMessages;

public enum SpeechProvider
{
    /// <summary>No speech service: a voice message gets a request to write a few words instead (the default).</summary>
    None,
    OpenAI,

    /// <summary>Any server speaking OpenAI's /v1/audio/transcriptions: a self-hosted whisper server, a cloud service.</summary>
    OpenAICompatible,
}

/// <summary>The speech service that turns voice messages into text (section "Speech").</summary>
public sealed class SpeechOptions
{
    public const string Section = "Speech";

    public SpeechProvider Provider { get; set; } = SpeechProvider.None;

    /// <summary>Base address ending in /v1, e.g. "http://localhost:8000/v1"; optional for OpenAI.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Transcription model, e.g. "whisper-1" or the name a local server expects.</summary>
    public string Model { get; set; } = "whisper-1";

    /// <summary>From the environment variable Speech__ApiKey; local servers need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>After this long the person is told the bot could not listen, and nothing is lost.</summary>
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Longer recordings are refused before downloading.</summary>
    public int MaxSeconds { get; set; } = 120;

    public bool Enabled => Provider != SpeechProvider.None;
}

public sealed class SpeechOptionsValidator : IValidateOptions<SpeechOptions>
{
    public ValidateOptionsResult Validate(string? name, SpeechOptions o)
    {
        var problems = new List<string>();
        if (o.TimeoutSeconds is < 1 or > 300)
        {
            problems.Add("Speech:TimeoutSeconds must be between 1 and 300.");
        }

        if (o.MaxSeconds is < 1 or > 600)
        {
            problems.Add("Speech:MaxSeconds must be between 1 and 600.");
        }

        if (o.Enabled && string.IsNullOrWhiteSpace(o.Model))
        {
            problems.Add($"Speech:Model is required for Speech:Provider {o.Provider}.");
        }

        if (o.Provider == SpeechProvider.OpenAICompatible && string.IsNullOrWhiteSpace(o.Endpoint))
        {
            problems.Add("Speech:Endpoint is required for Speech:Provider OpenAICompatible.");
        }

        if (o.Provider == SpeechProvider.OpenAI && string.IsNullOrWhiteSpace(o.ApiKey))
        {
            problems.Add("Speech:ApiKey is required for Speech:Provider OpenAI (set it as the environment variable Speech__ApiKey).");
        }

        if (o.Enabled && !string.IsNullOrWhiteSpace(o.Endpoint) && !Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _))
        {
            problems.Add($"Speech:Endpoint '{o.Endpoint}' is not an absolute URL.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
