using System.Collections.Concurrent;
using System.Net.Http.Json;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace VillageBot.TestKit;

/// <summary>
/// Telegram's side of a webhook: every update injected into the fake Bot API is posted to the webhook URL with the
/// secret, one chat's updates one after another (the next once the previous was accepted), different chats at once
/// over a limited number of connections; an update that is not accepted (an error, a dropped connection) is posted
/// again until it is.
/// </summary>
public sealed class WebhookPoster : IDisposable
{
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly ConcurrentDictionary<long, Chain> _chats = new();
    private readonly SemaphoreSlim _connections;
    private readonly string _url;
    private readonly string _secret;
    private int _posted;
    private int _retried;
    private int _waiting;

    public WebhookPoster(FakeBotApi api, string url, int connections = 40)
    {
        _url = url;
        _secret = api.WebhookSecret ?? throw new InvalidOperationException("The bot has not set a webhook.");
        _connections = new SemaphoreSlim(connections);
        api.WebhookDelivery = Post;
    }

    /// <summary>Updates accepted by the webhook.</summary>
    public int Posted => Volatile.Read(ref _posted);

    /// <summary>Deliveries that failed and were made again.</summary>
    public int Retried => Volatile.Read(ref _retried);

    /// <summary>Updates not yet accepted.</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    private void Post(Update update)
    {
        Interlocked.Increment(ref _waiting);
        var chain = _chats.GetOrAdd(Chat(update), _ => new Chain());
        lock (chain)
        {
            chain.Tail = chain.Tail.ContinueWith(_ => DeliverAsync(update), TaskScheduler.Default).Unwrap();
        }
    }

    private async Task DeliverAsync(Update update)
    {
        while (true)
        {
            await _connections.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, _url) { Content = JsonContent.Create(update, options: JsonBotAPI.Options) };
                request.Headers.Add("X-Telegram-Bot-Api-Secret-Token", _secret);
                using var response = await _http.SendAsync(request);
                if (response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref _posted);
                    Interlocked.Decrement(ref _waiting);
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }
            finally
            {
                _connections.Release();
            }

            Interlocked.Increment(ref _retried);
            await Task.Delay(50);
        }
    }

    private static long Chat(Update update) =>
        update.Message?.Chat.Id ?? update.CallbackQuery?.Message?.Chat.Id ?? update.CallbackQuery?.From.Id ?? 0;

    public void Dispose() => _http.Dispose();

    private sealed class Chain
    {
        public Task Tail { get; set; } = Task.CompletedTask;
    }
}
