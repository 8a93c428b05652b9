using System.Diagnostics;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace VillageBot.Benchmarks;

/// <summary>
/// The baseline: a bare echo bot on the same transport (the real Telegram.Bot client, long polling a fake Bot API
/// on loopback). Texts are echoed, buttons answered. Serial handles one update at a time, like Telegram.Bot's own
/// receiver; concurrent handles each batch's updates at once. It runs in a process of its own, like the bot
/// (<c>VillageBot.Benchmarks echo-bot URL serial|concurrent</c>), so neither shares the load generator's cores.
/// </summary>
public static class EchoBot
{
    /// <summary>Runs the echo bot in this process until standard input closes (the benchmark ends or dies).</summary>
    public static async Task<int> RunAsync(string baseUrl, bool concurrent)
    {
        using var stop = new CancellationTokenSource();
        _ = Task.Run(() =>
        {
            Console.In.ReadToEnd();
            stop.Cancel();
        });
        var bot = new TelegramBotClient(new TelegramBotClientOptions(TestKit.FakeBotApi.Token, baseUrl) { RetryCount = 0 });
        await LoopAsync(bot, concurrent, stop.Token);
        return 0;
    }

    /// <summary>Starts the echo bot as a child process of this program.</summary>
    public static IAsyncDisposable Start(string baseUrl, bool concurrent)
    {
        var info = new ProcessStartInfo("dotnet", [typeof(EchoBot).Assembly.Location, "echo-bot", baseUrl, concurrent ? "concurrent" : "serial"])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
        };
        return new Child(Process.Start(info) ?? throw new InvalidOperationException("Could not start the echo bot."));
    }

    private static async Task LoopAsync(ITelegramBotClient bot, bool concurrent, CancellationToken ct)
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

            if (updates.Length == 0)
            {
                continue;
            }

            offset = updates[^1].Id + 1;
            if (concurrent)
            {
                await Task.WhenAll(updates.Select(u => HandleAsync(bot, u, ct)));
            }
            else
            {
                foreach (var update in updates)
                {
                    await HandleAsync(bot, update, ct);
                }
            }
        }
    }

    private static async Task HandleAsync(ITelegramBotClient bot, Update update, CancellationToken ct)
    {
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
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    private sealed class Child(Process process) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }
    }
}
