using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>
/// The record of the person an update comes from: created on their first message, kept reachable and current,
/// and freed of a dialog they left long ago.
/// </summary>
public sealed class ResidentLoader(IDocumentStore db, IOptions<BotOptions> options, TimeProvider time)
{
    public Resident Load(User user, long chatId, bool createIfMissing = true)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var resident = db.Residents.FindById(user.Id);
        var dirty = false;
        if (resident is null)
        {
            dirty = true;
            resident = new Resident
            {
                Id = user.Id,
                ChatId = chatId,
                FirstName = user.FirstName,
                Username = user.Username,
                Lang = Languages.FromTelegram(user.LanguageCode),
                JoinedAt = now,
                LastSeenAt = now,
            };
        }

        if (resident.Dialog is { } d && now - d.UpdatedAt > TimeSpan.FromHours(options.Value.DialogTimeoutHours))
        {
            resident.Dialog = null;
            dirty = true;
        }

        // Written only when something changed, so reading a message costs no write.
        if (resident.ChatId != chatId || !resident.Active || now - resident.LastSeenAt > TimeSpan.FromHours(1))
        {
            resident.ChatId = chatId;
            resident.Active = true;
            resident.LastSeenAt = now;
            dirty = true;
        }

        if (dirty && (createIfMissing || db.Residents.Exists(r => r.Id == resident.Id)))
        {
            db.Residents.Upsert(resident);
        }

        return resident;
    }
}
