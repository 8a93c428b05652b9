using System.ComponentModel.DataAnnotations;

namespace VillageBot.Infrastructure.Security;

/// <summary>
/// How often one client address (HTTP) or one chat (updates) may call. 0 switches a limit off. The defaults are
/// well above what a person or Telegram does, so only floods are refused.
/// </summary>
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Requests to /open311 per client address and minute (key guessing, full-table reads).</summary>
    [Range(0, int.MaxValue)]
    public int Open311PerMinute { get; set; } = 300;

    /// <summary>Requests to /web/login per client address and minute.</summary>
    [Range(0, int.MaxValue)]
    public int LoginPerMinute { get; set; } = 30;

    /// <summary>Requests to /chat/api per client address and minute (the local chat page polls about 100 times a minute).</summary>
    [Range(0, int.MaxValue)]
    public int ChatApiPerMinute { get; set; } = 1200;

    /// <summary>Requests to the villages' public pages (/v/…) per client address and minute.</summary>
    [Range(0, int.MaxValue)]
    public int PublicPagePerMinute { get; set; } = 120;

    /// <summary>Requests to the Telegram webhook per client address and minute.</summary>
    [Range(0, int.MaxValue)]
    public int WebhookPerMinute { get; set; } = 60_000;

    /// <summary>Messages and button presses one chat may send at once before it is slowed down.</summary>
    [Range(0, int.MaxValue)]
    public int ChatBurst { get; set; } = 300;

    /// <summary>Messages and button presses a chat gets back per minute after a burst.</summary>
    [Range(1, int.MaxValue)]
    public int ChatPerMinute { get; set; } = 60;
}
