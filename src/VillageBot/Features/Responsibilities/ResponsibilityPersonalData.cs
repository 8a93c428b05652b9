using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Responsibilities;

/// <summary>
/// The only person kept here is who last edited an entry on the admin web: /mydata lists those entries, /forget
/// removes the person from them (the entries stay, the village needs them). Deliveries hold no one: a message is
/// built from the report when it is sent and is not kept.
/// </summary>
public sealed class ResponsibilityPersonalData(ResponsibilityStore store) : IPersonalData
{
    public string Section => "responsibilities";

    public IReadOnlyList<string> Collections => [ResponsibilityStore.CollectionName];

    public object? Export(long userId) => new
    {
        Edited = store.Entries.Find(e => e.UpdatedBy == userId).Select(e => new { e.Municipality, e.Village, e.Category, e.Topic, Body = e.Body.Name, e.UpdatedAt }).ToList(),
    };

    public void Erase(long userId)
    {
        foreach (var entry in store.Entries.Find(e => e.UpdatedBy == userId).ToList())
        {
            entry.UpdatedBy = null;
            store.Entries.Update(entry);
        }
    }
}
