using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Telegram.Bot;
using Telegram.Bot.Types.ReplyMarkups;

namespace VillageBot.TestKit;

/// <summary>The parameters of a Bot API call, sent as JSON, a form or multipart with files.</summary>
internal sealed class RequestArgs
{
    private readonly Dictionary<string, JsonNode?> _values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _fileNames = new(StringComparer.Ordinal);

    public byte[]? File { get; private set; }

    public static async Task<RequestArgs> ReadAsync(HttpRequest request)
    {
        var args = new RequestArgs();
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                args._values[key] = ParseLoose(value.ToString());
            }

            foreach (var file in form.Files)
            {
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms);
                args.File = ms.ToArray();
                args._fileNames[file.Name] = file.FileName;
                args._values.TryAdd(file.Name, JsonValue.Create("attach://" + file.Name));
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.ContentType.ToString().Contains("json", StringComparison.Ordinal))
        {
            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync();
            if (body.Length > 0 && JsonNode.Parse(body) is JsonObject obj)
            {
                foreach (var (key, value) in obj)
                {
                    args._values[key] = value?.DeepClone();
                }
            }
        }

        foreach (var (key, value) in request.Query)
        {
            args._values.TryAdd(key, ParseLoose(value.ToString()));
        }

        return args;
    }

    public string? Str(string name) => _values.GetValueOrDefault(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var n => n.ToJsonString(),
    };

    public long? Long(string name) => _values.GetValueOrDefault(name) switch
    {
        JsonValue v when v.TryGetValue<long>(out var l) => l,
        JsonValue v when v.TryGetValue<string>(out var s) && long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) => p,
        _ => null,
    };

    public int? Int(string name) => Long(name) is long l ? (int)l : null;

    public bool Bool(string name, bool fallback = false) => _values.GetValueOrDefault(name) switch
    {
        JsonValue v when v.TryGetValue<bool>(out var b) => b,
        JsonValue v when v.TryGetValue<string>(out var s) => bool.TryParse(s, out var p) ? p : fallback,
        _ => fallback,
    };

    public JsonNode? Json(string name) => _values.GetValueOrDefault(name) is JsonValue v && v.TryGetValue<string>(out var s) ? ParseLoose(s) : _values.GetValueOrDefault(name);

    public string? FileName(string field) => _fileNames.GetValueOrDefault(field)
        ?? (Str(field) is { } value && value.StartsWith("attach://", StringComparison.Ordinal) ? _fileNames.GetValueOrDefault(value["attach://".Length..]) : null);

    public InlineKeyboardMarkup? Markup(string name) =>
        Json(name) is JsonObject o && o.ContainsKey("inline_keyboard") ? o.Deserialize<InlineKeyboardMarkup>(JsonBotAPI.Options) : null;

    private static JsonNode? ParseLoose(string raw)
    {
        var t = raw.TrimStart();
        if (t.StartsWith('{') || t.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(raw);
            }
            catch (JsonException)
            {
            }
        }

        return JsonValue.Create(raw);
    }
}
