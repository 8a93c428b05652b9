using Telegram.Bot.Types;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;
using VillageBot.TestKit;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>The chat leases two instances on one PostgreSQL database hand each other.</summary>
public sealed class ChatLeaseTests(PostgreSqlCluster cluster) : IClassFixture<PostgreSqlCluster>, IDisposable
{
    private readonly PostgreSqlStore _first = new(cluster.NewDatabase());

    public void Dispose() => _first.Dispose();

    private IChatLeases Leases => _first.Leases!;

    [Fact]
    public async Task A_held_lease_is_refused_to_another_owner_and_renewed_for_its_own()
    {
        Assert.True(await Leases.TryTakeAsync(7, "a", TimeSpan.FromMinutes(1)));
        Assert.False(await Leases.TryTakeAsync(7, "b", TimeSpan.FromMinutes(1)));
        Assert.True(await Leases.TryTakeAsync(7, "a", TimeSpan.FromMinutes(1)));
        Assert.True(await Leases.TryTakeAsync(8, "b", TimeSpan.FromMinutes(1)));
        Assert.Equal([7L], await Leases.HeldByOthersAsync([7, 8, 9], "b"));
    }

    [Fact]
    public async Task A_released_lease_goes_to_the_next_owner_and_only_its_holder_can_release_it()
    {
        Assert.True(await Leases.TryTakeAsync(7, "a", TimeSpan.FromMinutes(1)));
        await Leases.ReleaseAsync(7, "b");
        Assert.False(await Leases.TryTakeAsync(7, "b", TimeSpan.FromMinutes(1)));
        await Leases.ReleaseAsync(7, "a");
        Assert.True(await Leases.TryTakeAsync(7, "b", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public async Task A_lease_that_ran_out_goes_to_another_owner()
    {
        Assert.True(await Leases.TryTakeAsync(7, "a", TimeSpan.FromSeconds(2)));
        Assert.False(await Leases.TryTakeAsync(7, "b", TimeSpan.FromMinutes(1)));
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await Leases.TryTakeAsync(7, "b", TimeSpan.FromMinutes(1)))
        {
            Assert.True(DateTime.UtcNow < until, "the lease never ran out");
            await Task.Delay(20);
        }

        Assert.Empty(await Leases.HeldByOthersAsync([7], "b"));
        Assert.False(await Leases.TryTakeAsync(7, "a", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void An_update_left_waiting_by_an_earlier_version_is_found_under_its_chat_after_start()
    {
        var inbox = new UpdateInbox(_first, TimeProvider.System);
        var update = new Update { Id = 5, Message = new Message { Id = 1, Chat = new Chat { Id = 4242, Type = Telegram.Bot.Types.Enums.ChatType.Private }, Text = "sveiki", Date = DateTime.UtcNow } };
        _first.Collection<UpdateInbox.InboxEntry>("inbox").Insert(new UpdateInbox.InboxEntry
        {
            Id = update.Id, Json = System.Text.Json.JsonSerializer.Serialize(update, Telegram.Bot.JsonBotAPI.Options), ReceivedAt = DateTime.UtcNow,
        });
        Assert.Empty(inbox.PendingOf(4242));

        Assert.Equal(1, inbox.NoteChats());
        Assert.Equal(5, Assert.Single(inbox.PendingOf(4242)).Update.Id);
        Assert.Equal(0, inbox.NoteChats());
    }

    [Fact]
    public async Task Many_owners_asking_at_once_get_one_lease()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => Leases.TryTakeAsync(42, "owner" + i, TimeSpan.FromMinutes(1))));
        Assert.Single(results, r => r);
    }
}
