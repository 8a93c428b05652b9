namespace VillageBot.Infrastructure.Telegram;

public enum TransportMode
{
    Local,
    Polling,
    Webhook,
}

/// <summary>What the host is doing now; /healthz reports it.</summary>
public sealed class BotStatus
{
    private volatile bool _ready;

    public TransportMode Mode { get; set; }

    public string? BotUsername { get; set; }

    public bool Ready => _ready;

    public DateTime? ReadyAt { get; private set; }

    public void MarkReady(DateTime at)
    {
        ReadyAt = at;
        _ready = true;
    }

    /// <summary>A deep link that opens the bot and joins the village, or null in local mode.</summary>
    public string? DeepLink(string villageCode) => BotUsername is null ? null : $"https://t.me/{BotUsername}?start={villageCode}";
}
