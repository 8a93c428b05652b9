using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>The collections of people and villages, which the conversation owns; named here and nowhere else.</summary>
public static class ResidentCollections
{
    extension(IDocumentStore db)
    {
        public IDocumentCollection<Resident> Residents => db.Collection<Resident>("residents", i => i.On(r => r.VillageId).On(r => r.ChatId).On(r => r.CoordinatorOf));

        public IDocumentCollection<Village> Villages => db.Collection<Village>("villages", i => i.On(v => v.Code, unique: true));
    }
}
