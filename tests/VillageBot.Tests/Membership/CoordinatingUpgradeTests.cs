using LiteDB;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Tests.Membership;

/// <summary>A village's coordinators are read through the index of who coordinates, and residents stored before it are marked once.</summary>
public sealed class CoordinatingUpgradeTests
{
    [Fact]
    public async Task Coordinators_stored_before_the_index_are_found_after_the_first_start_and_the_upgrade_runs_once()
    {
        using var store = new LiteDbStore(Options.Create(new StorageOptions { DataDirectory = BotHost.NewDataDirectory() }));
        var now = DateTime.UtcNow;
        store.Residents.InsertBulk(
        [
            new Resident { Id = 1, ChatId = 1, FirstName = "Ilze", CoordinatorOf = [7, 8], JoinedAt = now, LastSeenAt = now },
            new Resident { Id = 2, ChatId = 2, FirstName = "Jānis", JoinedAt = now, LastSeenAt = now },
            new Resident { Id = 3, ChatId = 3, FirstName = "Oļegs", CoordinatorOf = [8], JoinedAt = now, LastSeenAt = now },
        ]);
        Assert.Equal([1, 3], store.CoordinatorsOf(8).Select(r => r.Id).Order());

        // As an earlier version stored them: without the field.
        var raw = store.Database.GetCollection("residents");
        foreach (var document in raw.FindAll().ToList())
        {
            document.Remove(nameof(Resident.Coordinating));
            raw.Update(document);
        }

        Assert.Empty(store.CoordinatorsOf(8));

        var upgrade = new CoordinatingUpgrade(store, NullLogger<CoordinatingUpgrade>.Instance);
        await upgrade.StartAsync(CancellationToken.None);
        Assert.Equal([1, 3], store.CoordinatorsOf(8).Select(r => r.Id).Order());
        Assert.Equal([1], store.CoordinatorsOf(7).Select(r => r.Id));
        Assert.Equal(2, store.Coordinators().Count);

        // Done once: a later start leaves the documents alone.
        var ilze = raw.FindById(1);
        ilze.Remove(nameof(Resident.Coordinating));
        raw.Update(ilze);
        await upgrade.StartAsync(CancellationToken.None);
        Assert.Equal([3], store.CoordinatorsOf(8).Select(r => r.Id));
    }

    [Fact]
    public void Appointing_and_removing_a_coordinator_is_seen_by_the_next_lookup()
    {
        using var store = new LiteDbStore(Options.Create(new StorageOptions { DataDirectory = BotHost.NewDataDirectory() }));
        var person = new Resident { Id = 5, ChatId = 5, FirstName = "Anna" };
        store.Residents.Insert(person);
        Assert.Empty(store.CoordinatorsOf(3));

        person.CoordinatorOf.Add(3);
        store.Residents.Update(person);
        Assert.Equal([5], store.CoordinatorsOf(3).Select(r => r.Id));

        person.CoordinatorOf.Clear();
        store.Residents.Update(person);
        Assert.Empty(store.CoordinatorsOf(3));
        Assert.Empty(store.Coordinators());
    }
}
