using System.ComponentModel.DataAnnotations;

namespace VillageBot.Conversation;

public sealed class BotOptions
{
    public const string Section = "Bot";

    /// <summary>Telegram user ids of the admins.</summary>
    public List<long> AdminIds { get; set; } = [];

    /// <summary>Longer texts are cut to this many characters before they are read.</summary>
    [Range(100, 4000)]
    public int MaxTextLength { get; set; } = 2000;

    public string TimeZone { get; set; } = "Europe/Riga";

    /// <summary>A dialog untouched for this long is forgotten, so a person is never stuck in it.</summary>
    [Range(1, 720)]
    public int DialogTimeoutHours { get; set; } = 48;
}

public sealed class ContentOptions
{
    public const string Section = "Content";

    /// <summary>The data folder (villages, knowledge, problems, quizzes). Defaults to the copy next to the program.</summary>
    public string? DataPath { get; set; }

    public string? PromptsPath { get; set; }

    public string ResolvedDataPath => Path.GetFullPath(DataPath ?? Path.Combine(AppContext.BaseDirectory, "data"));

    public string ResolvedPromptsPath => Path.GetFullPath(PromptsPath ?? Path.Combine(AppContext.BaseDirectory, "prompts"));
}
