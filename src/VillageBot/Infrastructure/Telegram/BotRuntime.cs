using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>
/// Replays updates left from a crash, connects to the Bot API (getMe, setMyCommands, webhook or not) and,
/// in polling mode, receives updates. Receiving only hands them to the dispatcher.
/// </summary>
public sealed class BotRuntime(
    IServiceProvider services,
    UpdateDispatcher dispatcher,
    UpdateInbox inbox,
    BotStatus status,
    RouteTable routes,
    Texts texts,
    IOptions<TelegramOptions> options,
    TimeProvider time,
    ILogger<BotRuntime> log) : BackgroundService
{
    private static readonly UpdateType[] Wanted =
        [UpdateType.Message, UpdateType.CallbackQuery, UpdateType.PollAnswer, UpdateType.Poll, UpdateType.MyChatMember];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // The journal is replayed before old entries leave the inbox: it may still hold updates handled days ago,
        // and only their inbox entries tell that they were handled.
        var replayed = dispatcher.ReplayPending();
        if (replayed > 0)
        {
            log.LogInformation("Replaying {Count} updates received before the last stop", replayed);
        }

        inbox.Trim(TimeSpan.FromDays(2));

        var o = options.Value;
        if (!o.HasToken)
        {
            status.Mode = TransportMode.Local;
            status.MarkReady(time.GetUtcNow().UtcDateTime);
            log.LogWarning("No Telegram:BotToken configured: running in local mode. Open /chat in a browser to talk to the bot.");
            return;
        }

        var bot = services.GetRequiredService<ITelegramBotClient>();
        status.Mode = o.UsesWebhook ? TransportMode.Webhook : TransportMode.Polling;

        // One loop: connect until the Bot API answers, then (polling) receive. Telegram.Bot waits out a 429 itself;
        // any other failure waits 1 s, 2 s, 4 s … up to 30 s and tries again.
        var connected = false;
        var offset = 0;
        var delay = TimeSpan.FromSeconds(1);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!connected)
                {
                    await ConnectAsync(bot, o, stoppingToken);
                    connected = true;
                    status.MarkReady(time.GetUtcNow().UtcDateTime);
                    log.LogInformation("Connected to Telegram as @{Bot} ({Mode})", status.BotUsername, status.Mode);
                    if (status.Mode != TransportMode.Polling)
                    {
                        return;
                    }
                }

                var updates = await bot.GetUpdates(offset, 100, o.PollingTimeoutSeconds, Wanted, stoppingToken);
                if (updates.Length > 0)
                {
                    dispatcher.Receive(updates);
                    offset = updates[^1].Id + 1;
                }

                delay = TimeSpan.FromSeconds(1);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                log.LogWarning(e, connected ? "Receiving updates failed; retrying in {Delay}" : "Could not reach the Bot API; retrying in {Delay}", delay);
                await Task.Delay(delay, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await dispatcher.StopAsync(TimeSpan.FromSeconds(10));
    }

    private async Task ConnectAsync(ITelegramBotClient bot, TelegramOptions o, CancellationToken ct)
    {
        var me = await bot.GetMe(ct);
        status.BotUsername = me.Username;
        await SetCommandsAsync(bot, ct);
        if (o.UsesWebhook)
        {
            await bot.SetWebhook(o.WebhookUrl!, allowedUpdates: Wanted, secretToken: o.WebhookSecret, cancellationToken: ct);
        }
        else
        {
            await bot.DeleteWebhook(cancellationToken: ct);
        }
    }

    private async Task SetCommandsAsync(ITelegramBotClient bot, CancellationToken ct)
    {
        var menu = routes.Commands.Values.Where(c => c.MenuTextKey is not null && c.Access is Access.Anyone or Access.Member).ToList();
        foreach (var lang in Languages.All)
        {
            var commands = menu.Select(c => new BotCommand(c.Command, texts.Get(lang, c.MenuTextKey!))).ToArray();
            await bot.SetMyCommands(commands, languageCode: lang, cancellationToken: ct);
            if (lang == Languages.Default)
            {
                await bot.SetMyCommands(commands, cancellationToken: ct);
            }
        }
    }
}
