using System.Security.Cryptography;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.LocalChat;

/// <summary>
/// The local chat page (local mode only): a browser stands in for Telegram and talks to the same
/// conversation engine. Each browser gets its own person id in a cookie.
/// </summary>
public static class LocalChatEndpoints
{
    private const string Cookie = "vb_local_user";

    public static void MapLocalChat(this WebApplication app)
    {
        var group = app.MapGroup("/chat");
        group.MapGet("/", () =>
        {
            using var stream = typeof(LocalChatEndpoints).Assembly.GetManifestResourceStream("VillageBot.chat.html")!;
            using var reader = new StreamReader(stream);
            return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
        });
        group.MapPost("/api/send", (HttpContext http, SendRequest body, UpdateDispatcher dispatcher, UpdateInbox inbox, LocalChatStore store) =>
        {
            var userId = UserId(http);
            var user = new User { Id = userId, FirstName = "Local", LanguageCode = body.Lang ?? "lv" };
            var chat = new Chat { Id = userId, Type = ChatType.Private };
            var updateId = inbox.NextLocalId();
            Update update;
            if (!string.IsNullOrEmpty(body.Callback))
            {
                update = new Update
                {
                    Id = updateId,
                    CallbackQuery = new CallbackQuery
                    {
                        Id = $"{userId}:{updateId}",
                        From = user,
                        Data = body.Callback,
                        ChatInstance = "local",
                        Message = new Message { Id = body.MessageId ?? 0, Chat = chat, Date = DateTime.UtcNow },
                    },
                };
            }
            else
            {
                var text = body.Text ?? "";
                store.Add(userId, "me", text);
                update = new Update
                {
                    Id = updateId,
                    Message = new Message { Id = updateId, From = user, Chat = chat, Date = DateTime.UtcNow, Text = text },
                };
            }

            dispatcher.Receive([update]);
            return Results.Ok(new { userId });
        });
        group.MapGet("/api/messages", (HttpContext http, long? since, LocalChatStore store) =>
            Results.Ok(store.Since(UserId(http), since ?? 0)));
    }

    private static long UserId(HttpContext http)
    {
        if (http.Request.Cookies.TryGetValue(Cookie, out var raw) && long.TryParse(raw, out var id) && id > 0)
        {
            return id;
        }

        id = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue);
        http.Response.Cookies.Append(Cookie, id.ToString(System.Globalization.CultureInfo.InvariantCulture), new CookieOptions { HttpOnly = true, SameSite = SameSiteMode.Strict, MaxAge = TimeSpan.FromDays(365) });
        return id;
    }

    public sealed record SendRequest(string? Text, string? Callback, int? MessageId, string? Lang);
}
