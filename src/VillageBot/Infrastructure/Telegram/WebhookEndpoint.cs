using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>Receives updates Telegram posts; only a request carrying the configured secret is accepted.</summary>
public static class WebhookEndpoint
{
    public const string SecretHeader = "X-Telegram-Bot-Api-Secret-Token";

    public static void MapTelegramWebhook(this WebApplication app)
    {
        var o = app.Services.GetRequiredService<IOptions<TelegramOptions>>().Value;
        if (!o.UsesWebhook)
        {
            return;
        }

        var path = new Uri(o.WebhookUrl!).AbsolutePath;
        var secret = Encoding.UTF8.GetBytes(o.WebhookSecret!);
        app.MapPost(path, async (HttpRequest request, UpdateDispatcher dispatcher, ILoggerFactory logs) =>
        {
            var given = request.Headers[SecretHeader].ToString();
            if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), secret))
            {
                logs.CreateLogger("Webhook").LogWarning("Refused a webhook request without the right secret from {Ip}", request.HttpContext.Connection.RemoteIpAddress);
                return Results.Unauthorized();
            }

            Update? update;
            try
            {
                update = await JsonSerializer.DeserializeAsync<Update>(request.Body, JsonBotAPI.Options, request.HttpContext.RequestAborted);
            }
            catch (JsonException)
            {
                return Results.BadRequest();
            }

            if (update is null)
            {
                return Results.BadRequest();
            }

            // A stopping instance stores nothing more: Telegram is told to deliver it again (to the next start, or
            // another instance behind the same address) instead of being told it arrived.
            if (!dispatcher.Accepting)
            {
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            dispatcher.Receive([update]);
            return Results.Ok();
        });
    }
}
