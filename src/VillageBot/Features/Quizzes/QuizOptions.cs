using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Quizzes;

public sealed class QuizOptions
{
    public const string Section = "Quizzes";

    /// <summary>
    /// Averages and shares of a village's answers are shown only when at least this many people gave them, so
    /// a coordinator cannot read one named resident's answers as "the village".
    /// </summary>
    [Range(1, 1000)]
    public int MinRespondents { get; set; } = 5;
}
