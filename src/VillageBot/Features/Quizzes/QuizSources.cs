using System.Text.RegularExpressions;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// A question's source as a reader can look it up. Quiz files cite the seed talk as "seed slide 4" or
/// "seed slides 2 and 11"; the reader gets the talk's speaker, title, place and date in their language instead.
/// </summary>
public static partial class QuizSources
{
    public static string Describe(string? source, string lang, Texts texts) =>
        SeedSlides().Replace(source ?? "", m => texts.Get(lang, "quiz.source.seed", string.Join(", ", Numbers().Matches(m.Groups[1].Value).Select(n => n.Value))));

    [GeneratedRegex(@"\bseed slides? (\d+(?:(?:, | and )\d+)*)")]
    private static partial Regex SeedSlides();

    [GeneratedRegex(@"\d+")]
    private static partial Regex Numbers();
}
