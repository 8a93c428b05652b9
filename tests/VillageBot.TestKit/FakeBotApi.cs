using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace VillageBot.TestKit;

/// <summary>
/// A Bot API server on 127.0.0.1 that answers the real Telegram.Bot client as Telegram does, serialised with
/// Telegram.Bot's own types. Tests inject updates from simulated people and read what the bot sent.
/// </summary>
public sealed partial class FakeBotApi : IAsyncDisposable
{
    public const string Token = "123456:TEST_token_abcdefghijklmnopqrstuv";

    public static readonly User BotUser = new() { Id = 123456, IsBot = true, FirstName = "VillageBot", Username = "village_test_bot" };

    private WebApplication _app = null!;
    private readonly object _lock = new();
    private readonly Dictionary<string, long> _callbackChats = [];
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private int _requestsInFlight;

    private FakeBotApi()
    {
    }

    public string BaseUrl { get; private set; } = "";

    public string? WebhookUrl { get; private set; }

    public string? WebhookSecret { get; private set; }

    public Dictionary<string, BotCommand[]> Commands { get; } = [];

    public static async Task<FakeBotApi> StartAsync()
    {
        var api = new FakeBotApi();
        (api._app, api.BaseUrl) = await LoopbackServer.StartAsync(app =>
        {
            app.MapMethods("/bot{token}/{method}", ["GET", "POST"], api.HandleAsync);
            app.MapGet("/file/bot{token}/{**path}", (string token, string path) => api.Download(token, path));
        });
        return api;
    }

    public int CallCount(string method) => _calls.GetValueOrDefault(method);

    /// <summary>Bot API calls (other than long polls) received and not yet answered.</summary>
    public int RequestsInFlight => Volatile.Read(ref _requestsInFlight);

    /// <summary>
    /// Waits until the bot talking to this API has nothing left to do (set by the host that runs the bot), so a
    /// test can tell "nothing came" from "nothing came yet".
    /// </summary>
    public Func<Task>? IdleProbe { get; set; }

    // ---- the Bot API ----

    private async Task<IResult> HandleAsync(HttpContext http, string token, string method)
    {
        // A long poll waits for people, not for the bot: it does not count as work under way.
        var counted = !method.Equals("getUpdates", StringComparison.OrdinalIgnoreCase);
        if (counted)
        {
            Interlocked.Increment(ref _requestsInFlight);
        }

        try
        {
            return await AnswerAsync(http, token, method);
        }
        finally
        {
            if (counted)
            {
                Interlocked.Decrement(ref _requestsInFlight);
            }
        }
    }

    private async Task<IResult> AnswerAsync(HttpContext http, string token, string method)
    {
        _calls.AddOrUpdate(method, 1, (_, n) => n + 1);
        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            return Error(401, "Unauthorized");
        }

        var args = await RequestArgs.ReadAsync(http.Request);
        var chatId = args.Long("chat_id");
        if (chatId is long target && IsSend(method))
        {
            if (Migrated(target) is { } migrated)
            {
                return migrated;
            }

            if (_blocked.ContainsKey(target))
            {
                return Error(403, "Forbidden: bot was blocked by the user");
            }

            if (_tooMany.TryGetValue(target, out var fault) && fault.Remaining > 0)
            {
                _tooMany[target] = (fault.Remaining - 1, fault.RetryAfter);
                return Error(429, $"Too Many Requests: retry after {fault.RetryAfter}", fault.RetryAfter);
            }

            if (GroupRateLimited(target) is int groupWait)
            {
                return Error(429, $"Too Many Requests: retry after {groupWait}", groupWait);
            }

            if (RateLimited(target) is int wait)
            {
                return Error(429, $"Too Many Requests: retry after {wait}", wait);
            }
        }

        var answer = method.ToLowerInvariant() switch
        {
            "getme" => Ok(BotUser),
            "getupdates" => await GetUpdatesAsync(args, http.RequestAborted),
            "sendmessage" => Ok(Record("sendMessage", To(), m => m.Text = args.Str("text"), args)),
            "editmessagetext" => Edit(args, text: true),
            "editmessagereplymarkup" => Edit(args, text: false),
            "answercallbackquery" => AnswerCallback(args),
            "deletemessage" => Ok(true),
            "sendphoto" => Ok(Record("sendPhoto", To(), m =>
            {
                m.Caption = args.Str("caption");
                // A photo sent again by its file id keeps that id; an uploaded one gets a new id.
                var fileId = args.Str("photo") is { } id && !id.StartsWith("attach://", StringComparison.Ordinal) ? id : "photo" + m.Id;
                m.Photo = [new PhotoSize { FileId = fileId, FileUniqueId = "u" + m.Id, Width = 800, Height = 600 }];
            }, args)),
            "senddocument" => Ok(Record("sendDocument", To(), m =>
            {
                m.Caption = args.Str("caption");
                m.Document = new Document { FileId = "doc" + m.Id, FileUniqueId = "d" + m.Id, FileName = args.FileName("document") };
            }, args)),
            "sendpoll" => Ok(Record("sendPoll", To(), m => m.Poll = NewPoll(args), args)),
            "stoppoll" => StopPoll(args),
            "sendchataction" => Ok(true),
            "setmycommands" => SetCommands(args),
            "deletemycommands" => Ok(true),
            "setwebhook" => SetWebhook(args),
            "deletewebhook" => SetWebhook(null),
            "getfile" => GetFile(args),
            "getchatmember" => GetChatMember(args),
            "getwebhookinfo" => Ok(new WebhookInfo { Url = WebhookUrl ?? "", PendingUpdateCount = PendingUpdates }),
            _ => Error(404, "Not Found: method not found"),
        };

        if (chatId is long held && _held.TryGetValue((held, method.ToLowerInvariant()), out var gate))
        {
            await gate.Task.WaitAsync(http.RequestAborted);
        }

        return answer;

        long To() => chatId ?? throw new InvalidOperationException("chat_id missing");
    }

    private IResult SetCommands(RequestArgs args)
    {
        var commands = args.Json("commands")?.Deserialize<BotCommand[]>(JsonBotAPI.Options) ?? [];
        lock (_lock)
        {
            Commands[args.Str("language_code") ?? ""] = commands;
        }

        return Ok(true);
    }

    private static List<IReadOnlyList<(string, string?)>> Buttons(ReplyMarkup? markup) =>
        markup is InlineKeyboardMarkup inline
            ? [.. inline.InlineKeyboard.Select(r => (IReadOnlyList<(string, string?)>)[.. r.Select(b => (b.Text, b.CallbackData ?? b.Url))])]
            : [];

    private static IResult Ok<T>(T result)
    {
        var json = "{\"ok\":true,\"result\":" + JsonSerializer.Serialize(result, JsonBotAPI.Options) + "}";
        return Results.Text(json, "application/json", Encoding.UTF8);
    }

    private static IResult Error(int code, string description, int? retryAfter = null, long? migrateTo = null)
    {
        var body = new JsonObject { ["ok"] = false, ["error_code"] = code, ["description"] = description };
        if (retryAfter is int r)
        {
            body["parameters"] = new JsonObject { ["retry_after"] = r };
        }

        if (migrateTo is long to)
        {
            body["parameters"] = new JsonObject { ["migrate_to_chat_id"] = to };
        }

        return Results.Text(body.ToJsonString(), "application/json", Encoding.UTF8, code);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
