using VillageBot.Conversation;

namespace VillageBot.Features.Reports;

/// <summary>
/// Where a report goes beyond the village's coordinators: who can fix it, told to the resident and sent to that body.
/// The reports feature calls it at two moments and works the same without any implementation.
/// </summary>
public interface IReportRouting
{
    /// <summary>
    /// Right after the resident's words, with the classifier's proposal when there is one. May tell the resident
    /// whom to call; true means the report ends here (an emergency goes to 112, not into a queue).
    /// </summary>
    Task<bool> DescribedAsync(BotContext ctx, string text, string? predictedCategory);

    /// <summary>
    /// The report's category is settled: saved by the resident, reviewed or relabelled by an admin. Returns a line
    /// for the person who did it, in <paramref name="lang"/>, or null when there is nothing to say.
    /// </summary>
    string? Settled(Report report, string lang);
}
