namespace VillageBot.Features.VoiceMessages;

/// <summary>Turns a voice recording into text; null when it cannot (error, timeout), so nothing is routed on a guess.</summary>
public interface ISpeechToText
{
    /// <param name="audio">The recording as Telegram keeps voice messages (OGG with Opus).</param>
    /// <param name="lang">The person's language, passed to the service as the language spoken.</param>
    Task<string?> TranscribeAsync(byte[] audio, string lang, CancellationToken ct);
}
