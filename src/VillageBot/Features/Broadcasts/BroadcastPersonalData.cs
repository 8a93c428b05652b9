using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Broadcasts;

/// <summary>
/// The broadcasts sent to a person and those they requested. Erasing drops deliveries still waiting, keeps the
/// finished ones without the person (the broadcast's counts stay right) and keeps requested broadcasts without their author.
/// </summary>
public sealed class BroadcastPersonalData(BroadcastStore store) : IPersonalData
{
    public string Section => "broadcasts";

    public IReadOnlyList<string> Collections => ["broadcasts", "deliveries"];

    public object? Export(long userId)
    {
        var broadcasts = store.Broadcasts.FindAll().ToDictionary(b => b.Id);
        var received = store.Deliveries.Find(d => d.ResidentId == userId).OrderBy(d => d.Id).Select(d => new
        {
            kind = broadcasts.GetValueOrDefault(d.BroadcastId)?.Kind,
            text = broadcasts.GetValueOrDefault(d.BroadcastId)?.Text,
            state = d.State.ToString(),
            sent = d.SentAt,
        }).ToList();
        var requested = broadcasts.Values.Where(b => b.RequestedBy == userId).OrderBy(b => b.CreatedAt)
            .Select(b => new { kind = b.Kind, text = b.Text, created = b.CreatedAt, send_at = b.SendAt }).ToList();
        return received.Count == 0 && requested.Count == 0 ? null : new { received, requested };
    }

    public void Erase(long userId)
    {
        store.Deliveries.DeleteMany(d => d.ResidentId == userId && d.State == DeliveryState.Pending);
        foreach (var delivery in store.Deliveries.Find(d => d.ResidentId == userId).ToList())
        {
            delivery.ResidentId = 0;
            delivery.ChatId = 0;
            delivery.MessageId = null;
            delivery.Error = null;
            store.Deliveries.Update(delivery);
        }

        foreach (var broadcast in store.Broadcasts.Find(b => b.RequestedBy == userId).ToList())
        {
            broadcast.RequestedBy = 0;
            store.Broadcasts.Update(broadcast);
        }
    }
}
