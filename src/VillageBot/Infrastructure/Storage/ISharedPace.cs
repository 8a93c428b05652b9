namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// A pace that every instance of the bot on one database keeps together: one turn after another, each
/// <c>interval</c> after the last, handed out by the database on its own clock, so two instances share a rate instead
/// of each taking it whole. Only a database that several instances share has one (<see cref="IDocumentStore.Pace"/>).
/// </summary>
public interface ISharedPace
{
    /// <summary>
    /// Takes the next free turn of the pace <paramref name="name"/>, no earlier than <paramref name="notBefore"/> from
    /// now and no earlier than a hold ends; the pace may have fallen behind now by at most <paramref name="catchUp"/>.
    /// Returns how long from now until the turn (zero or less: at once).
    /// </summary>
    Task<TimeSpan> TakeAsync(string name, TimeSpan interval, TimeSpan catchUp, TimeSpan notBefore, CancellationToken ct);

    /// <summary>Gives no turn of the pace <paramref name="name"/> for <paramref name="duration"/> from now, to any instance.</summary>
    void Hold(string name, TimeSpan duration);
}
