namespace VillageBot.Conversation;

public static class Languages
{
    public const string Default = "lv";

    public static readonly IReadOnlyList<string> All = ["lv", "en", "ru"];

    public static bool IsSupported(string? code) => code is "lv" or "en" or "ru";

    /// <summary>Maps a Telegram language_code ("en-GB", "ru", "lv") to one of ours; anything else is Latvian.</summary>
    public static string FromTelegram(string? code)
    {
        var two = code is { Length: >= 2 } ? code[..2].ToLowerInvariant() : "";
        return IsSupported(two) ? two : Default;
    }

    /// <summary>
    /// The language a web request asks for without a session: ?lang= first, then the first supported language of the
    /// Accept-Language header ("ru-RU,ru;q=0.9,en;q=0.8" is Russian), else Latvian.
    /// </summary>
    public static string OfRequest(HttpRequest request)
    {
        var asked = request.Query["lang"].ToString();
        if (IsSupported(asked))
        {
            return asked;
        }

        foreach (var part in request.Headers.AcceptLanguage.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var two = part.Length >= 2 ? part[..2].ToLowerInvariant() : "";
            if (IsSupported(two))
            {
                return two;
            }
        }

        return Default;
    }
}
