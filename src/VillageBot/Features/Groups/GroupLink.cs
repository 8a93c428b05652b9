using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Groups;

/// <summary>A village's own Telegram group, linked by its coordinator with /link; the id is the group's chat id.</summary>
[StoredIn("group_links")]
public sealed class GroupLink
{
    [DocumentId(autoId: false)]
    public long Id { get; set; }

    public int VillageId { get; set; }

    /// <summary>The language the bot speaks in the group (chosen at /link, changed with /lang).</summary>
    public string Lang { get; set; } = "lv";

    public string? Title { get; set; }

    /// <summary>Whether the village's monthly digest is posted in the group (its coordinator's choice, /digest on|off).</summary>
    public bool PostsDigest { get; set; }

    /// <summary>Who linked it (0 once that person asked to be forgotten).</summary>
    public long LinkedBy { get; set; }

    public DateTime LinkedAt { get; set; }
}

/// <summary>
/// Which group belongs to which village: at most one group per village (linking another moves the link), a
/// group's link follows it when it becomes a supergroup. The bot stores nothing else about groups.
/// </summary>
public sealed class GroupLinks
{
    public GroupLinks(IDocumentStore db)
    {
        Db = db;
        _ = Links;
    }

    public IDocumentStore Db { get; }

    internal IDocumentCollection<GroupLink> Links => Db.Collection<GroupLink>("group_links", i => i.On(l => l.VillageId));

    public GroupLink? Find(long chatId) => Links.FindById(chatId);

    /// <summary>The group linked to the village, if any.</summary>
    public GroupLink? OfVillage(int villageId) => Links.FindOne(l => l.VillageId == villageId);

    /// <summary>Links the group to the village (replacing the village's earlier group); returns the group it replaced, if any.</summary>
    public GroupLink? Link(GroupLink link)
    {
        lock (Links)
        {
            var previous = Links.Find(l => l.VillageId == link.VillageId && l.Id != link.Id).ToList();
            foreach (var old in previous)
            {
                Links.Delete(old.Id);
            }

            Links.Upsert(link);
            return previous.FirstOrDefault();
        }
    }

    public bool Unlink(long chatId) => Links.Delete(chatId);

    public void SetLang(long chatId, string lang)
    {
        if (Find(chatId) is { } link)
        {
            link.Lang = lang;
            Links.Update(link);
        }
    }

    public void SetPostsDigest(long chatId, bool posts)
    {
        if (Find(chatId) is { } link)
        {
            link.PostsDigest = posts;
            Links.Update(link);
        }
    }

    /// <summary>The linked groups whose coordinators chose to have the monthly digest posted there.</summary>
    public IReadOnlyList<GroupLink> PostingDigest() => [.. Links.Find(l => l.PostsDigest)];

    /// <summary>The group became a supergroup: the link moves to the new id. Safe to repeat.</summary>
    public void Migrate(long oldChatId, long newChatId)
    {
        lock (Links)
        {
            if (Find(oldChatId) is not { } link || Find(newChatId) is not null)
            {
                return;
            }

            Links.Delete(oldChatId);
            link.Id = newChatId;
            Links.Insert(link);
        }
    }
}
