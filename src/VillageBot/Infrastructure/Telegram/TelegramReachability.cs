namespace VillageBot.Infrastructure.Telegram;

/// <summary>How the last calls to the Bot API went, as seen by the HTTP client every call goes through.</summary>
public sealed class TelegramReachability(TimeProvider time)
{
    private readonly Lock _lock = new();

    public DateTime? LastAnsweredAt { get; private set; }

    public DateTime? LastFailedAt { get; private set; }

    public string? LastError { get; private set; }

    /// <summary>True when the latest call failed to get an answer (no connection, a timeout or a server error).</summary>
    public bool Failing
    {
        get
        {
            lock (_lock)
            {
                return LastFailedAt is { } failed && (LastAnsweredAt is not { } answered || failed > answered);
            }
        }
    }

    public void Answered()
    {
        lock (_lock)
        {
            LastAnsweredAt = time.GetUtcNow().UtcDateTime;
        }
    }

    public void Failed(string error)
    {
        lock (_lock)
        {
            LastFailedAt = time.GetUtcNow().UtcDateTime;
            LastError = error;
        }
    }
}

/// <summary>Notes every Bot API call's outcome in <see cref="TelegramReachability"/>; the call itself is unchanged.</summary>
public sealed class TelegramReachabilityHandler(TelegramReachability reachability) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode >= 500)
            {
                reachability.Failed($"HTTP {(int)response.StatusCode}");
            }
            else
            {
                reachability.Answered();
            }

            return response;
        }
        catch (HttpRequestException e)
        {
            reachability.Failed(e.Message);
            throw;
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reachability.Failed("timed out");
            throw;
        }
    }
}
