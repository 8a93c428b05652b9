using VillageBot.Infrastructure.Storage;

namespace VillageBot.Conversation;

/// <summary>The collections of people and villages, which the conversation owns; named here and nowhere else.</summary>
public static class ResidentCollections
{
    extension(IDocumentStore db)
    {
        public IDocumentCollection<Resident> Residents => db.Collection<Resident>("residents", i => i.On(r => r.VillageId).On(r => r.ChatId).On(r => r.CoordinatorOf).On(r => r.Coordinating));

        /// <summary>Everyone who coordinates a village, read through the index of <see cref="Resident.Coordinating"/>.</summary>
        public IReadOnlyList<Resident> Coordinators() => [.. db.Residents.Find(r => r.Coordinating == true)];

        /// <summary>
        /// The coordinators of one village: from the index of the list's items where the database has one (PostgreSQL),
        /// else among those who coordinate any village.
        /// </summary>
        public IReadOnlyList<Resident> CoordinatorsOf(int villageId) => db.IndexesListItems
            ? [.. db.Residents.Find(r => r.CoordinatorOf.Contains(villageId))]
            : [.. db.Coordinators().Where(r => r.CoordinatorOf.Contains(villageId))];

        public IDocumentCollection<Village> Villages => db.Collection<Village>("villages", i => i.On(v => v.Code, unique: true));
    }
}
