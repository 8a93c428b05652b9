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
}
