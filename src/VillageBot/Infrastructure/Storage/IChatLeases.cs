namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// Which instance handles a chat's updates now, where several instances share one database: one chat's updates are
/// handled by one instance at a time and in order, and a lease that is not renewed runs out, so the chats of an
/// instance that died move on to another. Only a database that several instances share has them
/// (<see cref="IDocumentStore.Leases"/>).
/// </summary>
public interface IChatLeases
{
    /// <summary>
    /// Takes or renews the lease on <paramref name="chat"/> for <paramref name="owner"/> until <paramref name="duration"/>
    /// from now (on the database's clock). False while another owner holds a lease that has not run out.
    /// </summary>
    Task<bool> TryTakeAsync(long chat, string owner, TimeSpan duration);

    /// <summary>Gives the lease up, if <paramref name="owner"/> holds it.</summary>
    Task ReleaseAsync(long chat, string owner);

    /// <summary>The chats among <paramref name="chats"/> that another owner holds a lease on that has not run out.</summary>
    Task<IReadOnlySet<long>> HeldByOthersAsync(IReadOnlyCollection<long> chats, string owner);
}
