using VillageBot.Conversation;

namespace VillageBot.Features.Reports;

/// <summary>
/// Tells a person whose words sound like an emergency (a fire, someone hurt, a break-in now) to call the emergency
/// number at once, wherever the words arrive: a report's description or free text that reads as a question. The
/// reports feature and free text call it and work the same without any implementation.
/// </summary>
public interface IEmergencyAdvice
{
    /// <summary>True when the words were an emergency and the person was told whom to call.</summary>
    Task<bool> AdvisedAsync(BotContext ctx, string text);
}
