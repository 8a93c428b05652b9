using Telegram.Bot;
using Telegram.Bot.Types;
using VillageBot.TestKit;

namespace VillageBot.Benchmarks;

/// <summary>
/// The baseline: a bare echo bot on the same transport (the real Telegram.Bot client, long polling a fake Bot API
/// on loopback), handling one update at a time like Telegram.Bot's own receiver. Texts are echoed, buttons answered.
/// </summary>
public sealed class EchoBot(FakeBotApi api) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start()
    {
        var bot = new TelegramBotClient(new TelegramBotClientOptions(FakeBotApi.Token, api.BaseUrl) { RetryCount = 0 });
        _loop = Task.Run(() => LoopAsync(bot, _stop.Token));
    }

    private static async Task LoopAsync(ITelegramBotClient bot, CancellationToken ct)
    {
        var offset = 0;
        while (!ct.IsCancellationRequested)
        {
            Update[] updates;
            try
            {
                updates = await bot.GetUpdates(offset, 100, 2, cancellationToken: ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            foreach (var update in updates)
            {
                offset = update.Id + 1;
                try
                {
                    if (update.Message is { Text: { } text } m)
                    {
                        await bot.SendMessage(m.Chat.Id, text, cancellationToken: ct);
                    }
                    else if (update.CallbackQuery is { } cb)
                    {
                        await bot.AnswerCallbackQuery(cb.Id, cb.Data, cancellationToken: ct);
                    }
                }
                catch (Telegram.Bot.Exceptions.ApiRequestException e)
                {
                    Console.Error.WriteLine($"    echo: {e.Message}");
                }
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            await _loop;
        }

        _stop.Dispose();
    }
}
