using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Groups;

/// <summary>The groups a person linked. Erasing keeps the link (the village's group stays linked) without the person.</summary>
public sealed class GroupPersonalData(GroupLinks links) : IPersonalData
{
    public string Section => "groups";

    public IReadOnlyList<string> Collections => ["group_links"];

    public object? Export(long userId)
    {
        var linked = links.Links.Find(l => l.LinkedBy == userId).Select(l => new { group = l.Title, village = l.VillageId, linked = l.LinkedAt }).ToList();
        return linked.Count == 0 ? null : new { linked };
    }

    public void Erase(long userId)
    {
        foreach (var link in links.Links.Find(l => l.LinkedBy == userId).ToList())
        {
            link.LinkedBy = 0;
            links.Links.Update(link);
        }
    }
}
