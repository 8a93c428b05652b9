using LiteDB;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>The collections of people and villages, which the conversation owns; named here and nowhere else.</summary>
public static class ResidentCollections
{
    extension(Db db)
    {
        public ILiteCollection<Resident> Residents => db.Collection<Resident>("residents", c =>
        {
            c.EnsureIndex(r => r.VillageId);
            c.EnsureIndex(r => r.ChatId);
        });

        public ILiteCollection<Village> Villages => db.Collection<Village>("villages", c => c.EnsureIndex(v => v.Code, unique: true));
    }
}
