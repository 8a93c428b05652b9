using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;

namespace VillageBot.Infrastructure.Telegram;

public sealed partial class TelegramOptions : IValidatableObject
{
    public const string Section = "Telegram";

    /// <summary>From BotFather. Empty means local mode: no Telegram, the local chat page instead.</summary>
    public string? BotToken { get; set; }

    /// <summary>Bot API server; a self-hosted one or a test double. Empty means Telegram's public server.</summary>
    public string? ApiBaseUrl { get; set; }

    /// <summary>Public HTTPS address Telegram posts updates to. Empty means long polling.</summary>
    public string? WebhookUrl { get; set; }

    public string? WebhookSecret { get; set; }

    [Range(0, 50)]
    public int PollingTimeoutSeconds { get; set; } = 25;

    /// <summary>How many times a call answered with 429 is retried after waiting retry_after (by Telegram.Bot's RetryCount).</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>A retry_after longer than this is not waited for inside a request (Telegram.Bot's RetryThreshold).</summary>
    [Range(1, 3600)]
    public int MaxRetryAfterSeconds { get; set; } = 60;

    public bool HasToken => !string.IsNullOrWhiteSpace(BotToken);

    public bool UsesWebhook => HasToken && !string.IsNullOrWhiteSpace(WebhookUrl);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (HasToken && !TokenPattern().IsMatch(BotToken!))
        {
            yield return new ValidationResult("Telegram:BotToken does not look like a bot token (123456:ABC...).", [nameof(BotToken)]);
        }

        if (!string.IsNullOrWhiteSpace(ApiBaseUrl) && !Uri.TryCreate(ApiBaseUrl, UriKind.Absolute, out _))
        {
            yield return new ValidationResult("Telegram:ApiBaseUrl must be an absolute URL.", [nameof(ApiBaseUrl)]);
        }

        if (!string.IsNullOrWhiteSpace(WebhookUrl) && !HasToken)
        {
            // Without this the bot would start in local mode, with its chat page where the webhook was meant to be.
            yield return new ValidationResult("Telegram:WebhookUrl is set but Telegram:BotToken is empty: refusing to start. Set the token (Telegram__BotToken), or clear WebhookUrl to run in local mode.", [nameof(BotToken)]);
        }

        if (!string.IsNullOrWhiteSpace(WebhookUrl))
        {
            if (!Uri.TryCreate(WebhookUrl, UriKind.Absolute, out _))
            {
                yield return new ValidationResult("Telegram:WebhookUrl must be an absolute URL.", [nameof(WebhookUrl)]);
            }

            if (string.IsNullOrWhiteSpace(WebhookSecret) || !SecretPattern().IsMatch(WebhookSecret))
            {
                yield return new ValidationResult("Telegram:WebhookSecret is required in webhook mode: 1-256 characters of A-Z, a-z, 0-9, _ and -.", [nameof(WebhookSecret)]);
            }
        }
    }

    [GeneratedRegex(@"^\d{3,20}:[A-Za-z0-9_-]{10,}$")]
    private static partial Regex TokenPattern();

    [GeneratedRegex(@"^[A-Za-z0-9_-]{1,256}$")]
    private static partial Regex SecretPattern();
}
