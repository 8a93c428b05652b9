using VillageBot.Conversation;

namespace VillageBot.Features.Reports;

/// <summary>Starts a problem report from a resident's free text (the /report dialog takes over from there).</summary>
public interface IProblemIntake
{
    Task StartFromTextAsync(BotContext ctx, string text);
}
