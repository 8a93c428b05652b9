using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>Marks a resident who blocked the bot inactive, and reachable again when they come back.</summary>
public sealed class ResidentRecipientStatus(IDocumentStore db, ILogger<ResidentRecipientStatus> log) : IRecipientStatus
{
    public void MarkBlocked(long chatId) => Set(chatId, false);

    public void MarkReachable(long chatId) => Set(chatId, true);

    private void Set(long chatId, bool active)
    {
        var resident = db.Residents.FindOne(r => r.ChatId == chatId);
        if (resident is null || resident.Active == active)
        {
            return;
        }

        resident.Active = active;
        db.Residents.Update(resident);
        log.LogInformation("Resident {Id} is now {State}", resident.Id, active ? "reachable" : "inactive (blocked the bot)");
    }
}
