namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// Where the features keep their documents: named collections of plain classes. One implementation per database
/// (LiteDB, PostgreSQL), chosen by Storage:Provider; the features see only this and <see cref="IDocumentCollection{T}"/>.
/// </summary>
public interface IDocumentStore
{
    /// <summary>
    /// The collection <paramref name="name"/>. Its indexes are declared by its owner and created the first time it is
    /// asked for in this process; later calls hand it out as it is.
    /// </summary>
    IDocumentCollection<T> Collection<T>(string name, Action<Indexes<T>>? indexes = null);

    bool CollectionExists(string name);

    void DropCollection(string name);

    /// <summary>Where the data lives (a file path, or a database without its password), for the health report.</summary>
    string Location { get; }

    /// <summary>
    /// The pace every instance on this database keeps together (Telegram's limit is per bot, not per instance); null
    /// where only one process uses the database.
    /// </summary>
    ISharedPace? Pace { get; }

    /// <summary>Which instance handles which chat now; null where only one process uses the database.</summary>
    IChatLeases? Leases { get; }

    /// <summary>Whether a lookup of a list's item ("the residents who coordinate village 7") is answered from an index.</summary>
    bool IndexesListItems { get; }

    /// <summary>Throws when the database does not answer a read.</summary>
    void Ping();

    /// <summary>Makes every committed write durable in the data files themselves (not only in a log).</summary>
    void Checkpoint();

    /// <summary>Rewrites the data so that deleted documents no longer remain readable on disk.</summary>
    void Compact();
}
