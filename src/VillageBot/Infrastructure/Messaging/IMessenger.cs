namespace VillageBot.Infrastructure.Messaging;

/// <summary>Everything the bot says. Telegram in production, the local chat page without a token.</summary>
public interface IMessenger
{
    Task<int> SendTextAsync(long chatId, string text, Keyboard? keyboard = null, CancellationToken ct = default);

    Task EditTextAsync(long chatId, int messageId, string text, Keyboard? keyboard = null, CancellationToken ct = default);

    Task AnswerCallbackAsync(string callbackId, string? text = null, bool alert = false, CancellationToken ct = default);

    Task<int> SendPhotoAsync(long chatId, byte[] image, string? caption = null, Keyboard? keyboard = null, CancellationToken ct = default);

    /// <summary>Sends again a photo Telegram already holds (a resident's report photo), by its file id.</summary>
    Task<int> SendStoredPhotoAsync(long chatId, string fileId, string? caption = null, CancellationToken ct = default);

    Task<int> SendDocumentAsync(long chatId, byte[] content, string fileName, string? caption = null, CancellationToken ct = default);

    Task<SentPoll> SendPollAsync(long chatId, PollRequest poll, CancellationToken ct = default);

    Task StopPollAsync(long chatId, int messageId, CancellationToken ct = default);

    Task SendTypingAsync(long chatId, CancellationToken ct = default);
}

public sealed record SentPoll(int MessageId, string PollId);

public sealed record PollRequest(
    string Question,
    IReadOnlyList<string> Options,
    bool IsAnonymous = false,
    bool AllowsMultipleAnswers = false,
    bool IsQuiz = false,
    int? CorrectOption = null,
    string? Explanation = null,
    int? OpenPeriodSeconds = null);

/// <summary>The recipient blocked the bot or deleted their account (Telegram 403).</summary>
public sealed class RecipientBlockedException(long chatId, Exception? inner = null)
    : Exception($"Chat {chatId} has blocked the bot.", inner)
{
    public long ChatId { get; } = chatId;
}

/// <summary>Telegram kept answering 429 after every allowed retry.</summary>
public sealed class RateLimitedException(long chatId, int retryAfterSeconds, Exception? inner = null)
    : Exception($"Chat {chatId} is rate limited for {retryAfterSeconds}s.", inner)
{
    public int RetryAfterSeconds { get; } = retryAfterSeconds;
}

public static class MessageLimits
{
    public const int Text = 4096;
    public const int Caption = 1024;
    public const int CallbackData = 64;
    public const int PollQuestion = 300;
    public const int PollOption = 100;
    public const int PollExplanation = 200;

    public static string Clip(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
