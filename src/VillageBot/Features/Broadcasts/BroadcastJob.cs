using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Sending;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Broadcasts;

/// <summary>
/// Sends one broadcast (by id). Takes a snapshot of the recipients when it starts, sends to those still pending
/// one at a time through the <see cref="SendPacer"/>, records each outcome right after the send, and reports
/// to the coordinator at the end. Run again after a crash, it continues with those not yet recorded.
/// </summary>
public sealed class BroadcastJob(
    BroadcastStore store,
    IEnumerable<IBroadcastSender> senders,
    SendPacer pacer,
    IMessenger messenger,
    Texts texts,
    IJobScheduler jobs,
    IOptions<BroadcastOptions> options,
    TimeProvider time,
    ILogger<BroadcastJob> log) : IJob
{
    public async Task RunAsync(string arg, CancellationToken ct)
    {
        if (!int.TryParse(arg, System.Globalization.CultureInfo.InvariantCulture, out var id) || store.Broadcasts.FindById(id) is not { } broadcast)
        {
            log.LogWarning("Broadcast {Arg} does not exist", arg);
            return;
        }

        var sender = senders.FirstOrDefault(s => s.Kind == broadcast.Kind)
            ?? throw new InvalidOperationException($"No sender for broadcast kind '{broadcast.Kind}'.");
        if (broadcast.State == BroadcastState.Scheduled)
        {
            if (broadcast.SendAt > Now)
            {
                jobs.Schedule<BroadcastJob>(arg, broadcast.SendAt);
                return;
            }

            TakeSnapshot(broadcast, sender);
        }

        if (broadcast.State == BroadcastState.Sending)
        {
            await SendAllAsync(broadcast, sender, ct);
            Finish(broadcast);
        }

        if (broadcast.State == BroadcastState.Done && broadcast.ReportedAt is null)
        {
            await ReportAsync(broadcast, sender);
        }
    }

    /// <summary>Fixes who receives the broadcast. Repeatable: a crash before the state changes redoes it.</summary>
    private void TakeSnapshot(Broadcast broadcast, IBroadcastSender sender)
    {
        store.Deliveries.DeleteMany(d => d.BroadcastId == broadcast.Id);
        var recipients = sender.Recipients(broadcast, store.Recipients(broadcast.VillageId));
        store.Deliveries.InsertBulk(recipients.Select(r => new Delivery { BroadcastId = broadcast.Id, ResidentId = r.Id, ChatId = r.ChatId }));
        broadcast.Recipients = recipients.Count;
        broadcast.State = BroadcastState.Sending;
        broadcast.StartedAt = Now;
        store.Broadcasts.Update(broadcast);
        log.LogInformation("Broadcast {Id} to village {Village}: {Count} recipients", broadcast.Id, broadcast.VillageId, recipients.Count);
    }

    private async Task SendAllAsync(Broadcast broadcast, IBroadcastSender sender, CancellationToken ct)
    {
        var queue = new Queue<Delivery>(store.Deliveries.Find(d => d.BroadcastId == broadcast.Id).Where(d => d.State == DeliveryState.Pending).OrderBy(d => d.Id));
        var later = new PriorityQueue<Delivery, TimeSpan>();

        // Read once: one lookup per recipient would cost as much as the database write that records the send.
        var residents = store.Db.Residents.Find(r => r.VillageId == broadcast.VillageId).ToDictionary(r => r.Id);
        while (queue.Count > 0 || later.Count > 0)
        {
            ct.ThrowIfCancellationRequested();
            while (later.TryPeek(out var waiting, out var at) && (at <= pacer.Elapsed || queue.Count == 0))
            {
                later.Dequeue();
                if (at > pacer.Elapsed)
                {
                    await Task.Delay(at - pacer.Elapsed, ct);
                }

                queue.Enqueue(waiting);
            }

            var delivery = queue.Dequeue();
            var busy = pacer.ChatWait(delivery.ChatId);
            if (busy > TimeSpan.Zero)
            {
                later.Enqueue(delivery, pacer.Elapsed + busy);
                continue;
            }

            var resident = residents.GetValueOrDefault(delivery.ResidentId) ?? store.Db.Residents.FindById(delivery.ResidentId);
            var retryIn = await pacer.RunAsync(delivery.ChatId, () => SendOneAsync(broadcast, sender, delivery, resident, ct), ct);
            if (retryIn is { } wait)
            {
                later.Enqueue(delivery, pacer.Elapsed + wait);
            }
        }
    }

    /// <summary>Sends to one recipient and records the outcome at once. Returns a wait if it should be tried again.</summary>
    private async Task<TimeSpan?> SendOneAsync(Broadcast broadcast, IBroadcastSender sender, Delivery delivery, Resident? resident, CancellationToken ct)
    {
        TimeSpan? retry = null;
        if (resident is null)
        {
            delivery.State = DeliveryState.Failed;
            delivery.Error = "left";
        }
        else if (!resident.Active)
        {
            delivery.State = DeliveryState.Blocked;
        }
        else
        {
            delivery.Attempts++;
            try
            {
                delivery.MessageId = await sender.SendAsync(broadcast, resident, ct);
                delivery.State = DeliveryState.Sent;
                delivery.SentAt = Now;
                delivery.Error = null;
            }
            catch (RecipientBlockedException)
            {
                delivery.State = DeliveryState.Blocked;
            }
            catch (BroadcastSkippedException e)
            {
                delivery.State = DeliveryState.Failed;
                delivery.Error = e.Message;
            }
            catch (RateLimitedException e)
            {
                // Telegram asked for a longer pause than is waited inside a request: hold all bulk sending back.
                var pause = TimeSpan.FromSeconds(e.RetryAfterSeconds);
                pacer.Pause(pause);
                delivery.Attempts--;
                delivery.Error = "429";
                retry = pause;
            }
            catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                log.LogWarning(e, "Broadcast {Id}: sending to {Resident} failed (attempt {Attempt})", broadcast.Id, delivery.ResidentId, delivery.Attempts);
                delivery.Error = MessageLimitsOf(e);
                if (delivery.Attempts >= options.Value.MaxAttempts)
                {
                    delivery.State = DeliveryState.Failed;
                }
                else
                {
                    retry = TimeSpan.FromMilliseconds(options.Value.RetryDelayMs * (1 << (delivery.Attempts - 1)));
                }
            }
        }

        store.Deliveries.Update(delivery);
        return retry;
    }

    private void Finish(Broadcast broadcast)
    {
        var counts = store.Counts(broadcast.Id);
        broadcast.Sent = counts.Sent;
        broadcast.Failed = counts.Failed;
        broadcast.Blocked = counts.Blocked;
        broadcast.State = BroadcastState.Done;
        broadcast.FinishedAt = Now;
        store.Broadcasts.Update(broadcast);
        log.LogInformation("Broadcast {Id} done: {Sent} sent, {Failed} failed, {Blocked} blocked", broadcast.Id, counts.Sent, counts.Failed, counts.Blocked);
    }

    private async Task ReportAsync(Broadcast broadcast, IBroadcastSender sender)
    {
        if (store.Db.Residents.FindById(broadcast.RequestedBy) is { Active: true } requester)
        {
            var lang = requester.Lang;
            var village = store.Db.Villages.FindById(broadcast.VillageId)?.Name ?? "";
            var text = sender.Report(broadcast, lang, village)
                ?? texts.Get(lang, "broadcast.report", sender.Describe(broadcast, lang), village, broadcast.Sent, broadcast.Failed, broadcast.Blocked);
            try
            {
                await messenger.SendTextAsync(requester.ChatId, text);
            }
            catch (RecipientBlockedException)
            {
                // The coordinator has blocked the bot; the counts stay in the database.
            }
        }

        broadcast.ReportedAt = Now;
        store.Broadcasts.Update(broadcast);
    }

    private static string MessageLimitsOf(Exception e) => MessageLimits.Clip(e.Message, 200);

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
