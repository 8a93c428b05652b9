using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.LocalChat;

/// <summary>
/// The local chat page (local mode only): a browser stands in for Telegram and talks to the same
/// conversation engine. Each browser is its own person, named by a cookie the bot signs, so a browser
/// cannot choose to be somebody else.
/// </summary>
public static class LocalChatEndpoints
{
    private const string Cookie = "vb_local_user";
    private const string Purpose = "VillageBot.LocalChat.Person";

    public static void MapLocalChat(this WebApplication app)
    {
        var group = app.MapGroup("/chat");
        group.MapGet("/", () =>
        {
            using var stream = typeof(LocalChatEndpoints).Assembly.GetManifestResourceStream("VillageBot.chat.html")!;
            using var reader = new StreamReader(stream);
            return Results.Content(reader.ReadToEnd(), "text/html; charset=utf-8");
        });
        group.MapPost("/api/send", (HttpContext http, SendRequest body, UpdateDispatcher dispatcher, UpdateInbox inbox, LocalChatStore store, Texts texts, IOptions<LocalChatOptions> options, IDataProtectionProvider keys) =>
        {
            var lang = Languages.FromTelegram(body.Lang);
            var max = options.Value.MaxMessageLength;
            if (body.Text is { } t && t.Length > max)
            {
                return Results.BadRequest(new { error = texts.Get(lang, "localchat.too_long", max) });
            }

            if (body.Callback is { } c && System.Text.Encoding.UTF8.GetByteCount(c) > MessageLimits.CallbackData)
            {
                return Results.BadRequest(new { error = texts.Get(lang, "localchat.bad_button") });
            }

            var userId = UserId(http, keys);
            var user = new User { Id = userId, FirstName = "Local", LanguageCode = lang };
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
        group.MapGet("/api/messages", (HttpContext http, long? since, LocalChatStore store, IDataProtectionProvider keys) =>
            Results.Ok(store.Since(UserId(http, keys), since ?? 0)));
    }

    /// <summary>The person of this browser; a missing, altered or foreign cookie gets a new person.</summary>
    private static long UserId(HttpContext http, IDataProtectionProvider keys)
    {
        var protector = keys.CreateProtector(Purpose);
        if (http.Request.Cookies.TryGetValue(Cookie, out var raw) && Unprotect(protector, raw) is { } known)
        {
            return known;
        }

        var id = RandomNumberGenerator.GetInt32(100_000_000, int.MaxValue);
        http.Response.Cookies.Append(Cookie, protector.Protect(id.ToString(CultureInfo.InvariantCulture)), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Strict,
            Secure = http.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });
        return id;
    }

    private static long? Unprotect(IDataProtector protector, string raw)
    {
        try
        {
            return long.TryParse(protector.Unprotect(raw), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0 ? id : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    public sealed record SendRequest(string? Text, string? Callback, int? MessageId, string? Lang);
}
