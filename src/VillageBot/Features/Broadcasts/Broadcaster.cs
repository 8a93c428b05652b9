using VillageBot.Conversation;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Broadcasts;

/// <summary>Sends content to every active resident of a village, in the background, under Telegram's limits.</summary>
public interface IBroadcaster
{
    /// <summary>Queues the content for the village, now or at <paramref name="sendAtUtc"/>; returns the broadcast id.</summary>
    Task<int> StartAsync(int villageId, BroadcastContent content, long requestedBy, DateTime? sendAtUtc = null);

    /// <summary>Active residents who would receive a broadcast to the village now.</summary>
    int CountRecipients(int villageId);

    Broadcast? Get(int id);

    BroadcastCounts Counts(int id);

    /// <summary>Cancels a broadcast that has not started sending, and what its content arranged besides it; false otherwise.</summary>
    bool Cancel(int id);
}

public sealed class Broadcaster(BroadcastStore store, IJobScheduler jobs, IServiceScopeFactory scopes, TimeProvider time) : IBroadcaster
{
    public Task<int> StartAsync(int villageId, BroadcastContent content, long requestedBy, DateTime? sendAtUtc = null)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var sendAt = sendAtUtc is { } at && at > now ? at : now;
        var broadcast = new Broadcast
        {
            VillageId = villageId,
            RequestedBy = requestedBy,
            Kind = content.Kind,
            Text = content.Text,
            Ref = content.Ref,
            State = BroadcastState.Scheduled,
            CreatedAt = now,
            SendAt = sendAt,
        };
        store.Broadcasts.Insert(broadcast);
        var arg = Arg(broadcast.Id);
        if (sendAt > now)
        {
            jobs.Schedule<BroadcastJob>(arg, sendAt);
        }
        else
        {
            jobs.Enqueue<BroadcastJob>(arg);
        }

        return Task.FromResult(broadcast.Id);
    }

    public int CountRecipients(int villageId) => store.Recipients(villageId).Count;

    public Broadcast? Get(int id) => store.Broadcasts.FindById(id);

    public BroadcastCounts Counts(int id) => store.Counts(id);

    public bool Cancel(int id)
    {
        var b = store.Broadcasts.FindById(id);
        if (b is not { State: BroadcastState.Scheduled } || !jobs.Cancel(jobs.KeyOf<BroadcastJob>(Arg(id))))
        {
            return false;
        }

        b.State = BroadcastState.Cancelled;
        b.FinishedAt = time.GetUtcNow().UtcDateTime;
        store.Broadcasts.Update(b);

        // Senders may use scoped services (a poll's votes), so they are asked in a scope of their own.
        using var scope = scopes.CreateScope();
        scope.ServiceProvider.GetServices<IBroadcastSender>().FirstOrDefault(s => s.Kind == b.Kind)?.Cancelled(b);
        return true;
    }

    public static string Arg(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>Broadcasts and their per-recipient deliveries in the database.</summary>
public sealed class BroadcastStore
{
    public BroadcastStore(IDocumentStore db)
    {
        Db = db;
        _ = Deliveries;
        _ = Broadcasts;
    }

    public IDocumentStore Db { get; }

    public IDocumentCollection<Broadcast> Broadcasts => Db.Collection<Broadcast>("broadcasts", i => i.On(b => b.VillageId));

    public IDocumentCollection<Delivery> Deliveries => Db.Collection<Delivery>("deliveries", i => i.On(d => d.BroadcastId));

    /// <summary>Members of the village who have not blocked the bot.</summary>
    public IReadOnlyList<Resident> Recipients(int villageId) =>
        [.. Db.Residents.Find(r => r.VillageId == villageId).Where(r => r.Active && r.IsMember).OrderBy(r => r.Id)];

    public BroadcastCounts Counts(int broadcastId)
    {
        var states = Deliveries.Find(d => d.BroadcastId == broadcastId).Select(d => d.State).ToList();
        return new BroadcastCounts(
            states.Count,
            states.Count(s => s == DeliveryState.Pending),
            states.Count(s => s == DeliveryState.Sent),
            states.Count(s => s == DeliveryState.Failed),
            states.Count(s => s == DeliveryState.Blocked));
    }
}
