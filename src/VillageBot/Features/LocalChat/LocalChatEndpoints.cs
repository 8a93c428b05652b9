using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.LocalChat;

/// <summary>
/// The local chat page (local mode only): a browser stands in for Telegram and talks to the same
/// conversation engine. Each browser is its own person, named by a cookie the bot signs, so a browser
/// cannot choose to be somebody else.
/// </summary>
public static class LocalChatEndpoints
{
    public const string Cookie = "vb_local_user";
    public const string Purpose = "VillageBot.LocalChat.Person";

    /// <summary>The page's own script and style only; no inline code, so text the page shows can never run.</summary>
    private const string Policy = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    /// <summary>Texts of the page itself (its header, input and buttons), in the person's language.</summary>
    private static readonly string[] PageTexts = ["title", "subtitle", "placeholder", "send", "vote", "download", "right", "wrong", "closed"];

    public static void MapLocalChat(this WebApplication app)
    {
        var group = app.MapGroup("/chat");
        group.AddEndpointFilter(async (context, next) =>
        {
            var h = context.HttpContext.Response.Headers;
            h.ContentSecurityPolicy = Policy;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h.CacheControl = "no-store";
            return await next(context);
        });
        group.MapGet("/", () => Resource("chat.html", "text/html; charset=utf-8"));
        group.MapGet("/chat.js", () => Resource("chat.js", "text/javascript; charset=utf-8"));
        group.MapGet("/chat.css", () => Resource("chat.css", "text/css; charset=utf-8"));
        group.MapGet("/api/texts", (HttpContext http, string? lang, Texts texts, IDocumentStore db, IDataProtectionProvider keys) =>
        {
            var language = PersonLanguage(db, UserId(http, keys)) ?? Languages.FromTelegram(lang);
            var page = PageTexts.ToDictionary(k => k, k => texts.Get(language, "localchat.page." + k));
            page["lang"] = language;
            return Results.Ok(page);
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
            var (user, chat) = Person(userId, lang);
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
        group.MapPost("/api/vote", (HttpContext http, VoteRequest body, UpdateDispatcher dispatcher, UpdateInbox inbox, LocalChatStore store, Texts texts, IDataProtectionProvider keys) =>
        {
            var lang = Languages.FromTelegram(body.Lang);
            var userId = UserId(http, keys);
            if (store.PollMessage(userId, body.MessageId) is not { Poll: { } poll } message || !Counts(poll, body.Options))
            {
                return Results.BadRequest(new { error = texts.Get(lang, "localchat.bad_vote") });
            }

            store.Vote(message, body.Options!);
            dispatcher.Receive([LocalPollVote.Update(inbox.NextLocalId(), Person(userId, lang).User, message, body.Options!)]);
            return Results.Ok(new { userId });
        });
        group.MapGet("/api/messages", (HttpContext http, long? since, LocalChatStore store, IDocumentStore db, IDataProtectionProvider keys) =>
        {
            var userId = UserId(http, keys);
            if (PersonLanguage(db, userId) is { } lang)
            {
                // The page follows the person's language: when /lang changes it, the page fetches its texts again.
                http.Response.Headers.ContentLanguage = lang;
            }

            return Results.Ok(store.Since(userId, since ?? 0).Select(LocalMessageView.Of));
        });
        group.MapGet("/api/files/{id:int}", (HttpContext http, int id, LocalChatStore store, IDataProtectionProvider keys) =>
            store.File(UserId(http, keys), id) is { } file
                ? Results.File(file.Content, "application/octet-stream", file.Name)
                : Results.NotFound());
    }

    /// <summary>Telegram's poll rules: an open poll, options that exist, one unless several are allowed, a quiz answered once.</summary>
    private static bool Counts(LocalPoll poll, IReadOnlyList<int>? choice) =>
        choice is { Count: > 0 } && choice.Count <= poll.Options.Count && !poll.Closed
        && (!poll.IsQuiz || poll.Chosen is null)
        && (poll.AllowsMultipleAnswers || choice.Count == 1)
        && choice.Distinct().Count() == choice.Count && choice.All(i => i >= 0 && i < poll.Options.Count);

    private static (User User, Chat Chat) Person(long userId, string lang) =>
        (new User { Id = userId, FirstName = "Local", LanguageCode = lang }, new Chat { Id = userId, Type = ChatType.Private });

    private static string? PersonLanguage(IDocumentStore db, long userId) => db.Residents.FindById(userId) is { LangChosen: true } r ? r.Lang : null;

    private static IResult Resource(string name, string contentType)
    {
        using var stream = typeof(LocalChatEndpoints).Assembly.GetManifestResourceStream("VillageBot.LocalChat." + name)!;
        using var reader = new StreamReader(stream);
        return Results.Content(reader.ReadToEnd(), contentType);
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

    public sealed record VoteRequest(int MessageId, List<int>? Options, string? Lang);
}
