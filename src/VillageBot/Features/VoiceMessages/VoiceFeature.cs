using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.VoiceMessages;

/// <summary>Voice messages: heard through a speech service when Speech:Provider is set, shown back, then routed as typed text.</summary>
public static class VoiceFeature
{
    public static IServiceCollection AddVoice(this IServiceCollection services)
    {
        services.AddOptions<SpeechOptions>().BindConfiguration(SpeechOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SpeechOptions>, SpeechOptionsValidator>();
        services.AddHttpClient(SemanticKernelSpeechToText.HttpClientName, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<SpeechOptions>>().Value.TimeoutSeconds + 10));
        services.AddSingleton<ISpeechToText>(sp => sp.GetRequiredService<IOptions<SpeechOptions>>().Value.Enabled
            ? ActivatorUtilities.CreateInstance<SemanticKernelSpeechToText>(sp)
            : new NoSpeechToText());
        services.AddSingleton<HeardVoices>();
        services.AddSingleton<IPersonalData, HeardVoiceData>();
        services.AddScoped<IMessagePreview, VoiceInput>();
        services.AddCallback<VoiceCallback>(VoiceCallback.Prefix, Access.Member);
        return services;
    }
}

/// <summary>No speech service configured: nothing is ever heard.</summary>
public sealed class NoSpeechToText : ISpeechToText
{
    public Task<string?> TranscribeAsync(byte[] audio, string lang, CancellationToken ct) => Task.FromResult<string?>(null);
}
