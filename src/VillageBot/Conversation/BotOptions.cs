using System.ComponentModel.DataAnnotations;

namespace VillageBot.Conversation;

public sealed class BotOptions : IValidatableObject
{
    public const string Section = "Bot";

    /// <summary>Telegram user ids of the admins.</summary>
    public List<long> AdminIds { get; set; } = [];

    /// <summary>Longer texts are cut to this many characters before they are read.</summary>
    [Range(100, 4000)]
    public int MaxTextLength { get; set; } = 2000;

    /// <summary>The villages' time zone, for schedules, quiet hours and dates shown; registered as a <see cref="TimeZoneInfo"/>.</summary>
    public string TimeZone { get; set; } = "Europe/Riga";

    /// <summary>A dialog untouched for this long is forgotten, so a person is never stuck in it.</summary>
    [Range(1, 720)]
    public int DialogTimeoutHours { get; set; } = 48;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(TimeZone, out _))
        {
            yield return new ValidationResult($"Bot:TimeZone '{TimeZone}' is not a time zone this machine knows (an IANA name such as Europe/Riga).", [nameof(TimeZone)]);
        }
    }
}

public sealed class ContentOptions : IValidatableObject
{
    public const string Section = "Content";

    /// <summary>The data folder (villages, knowledge, problems, quizzes). Defaults to the copy next to the program.</summary>
    public string? DataPath { get; set; }

    public string? PromptsPath { get; set; }

    public string ResolvedDataPath => Path.GetFullPath(DataPath ?? Path.Combine(AppContext.BaseDirectory, "data"));

    public string ResolvedPromptsPath => Path.GetFullPath(PromptsPath ?? Path.Combine(AppContext.BaseDirectory, "prompts"));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DataPath is not null && (string.IsNullOrWhiteSpace(DataPath) || !Directory.Exists(DataPath)))
        {
            yield return new ValidationResult($"Content:DataPath '{DataPath}' is not a folder; leave it out to use the data shipped with the program.", [nameof(DataPath)]);
        }

        // The prompts are read only when an AI service is configured, which then names a missing file itself.
        if (PromptsPath is not null && string.IsNullOrWhiteSpace(PromptsPath))
        {
            yield return new ValidationResult("Content:PromptsPath is empty; leave it out to use the prompts shipped with the program.", [nameof(PromptsPath)]);
        }
    }
}
