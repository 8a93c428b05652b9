using VillageBot.Conversation;
using VillageBot.Features.Reports;

namespace VillageBot.Features.Responsibilities;

/// <summary>The emergency words and number of data/responsibilities.json, told in the person's language.</summary>
public sealed class EmergencyAdvice(TopicCatalog topics) : IEmergencyAdvice
{
    public async Task<bool> AdvisedAsync(BotContext ctx, string text)
    {
        if (!topics.IsEmergency(text))
        {
            return false;
        }

        await ctx.ReplyKeyAsync("resp.emergency", topics.EmergencyPhone);
        return true;
    }
}
