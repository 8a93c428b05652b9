using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Sending;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Nudges;

/// <summary>
/// Sends the nudges that have come due, person by person and each person's highest priority first, paced like a
/// broadcast, then schedules itself for the next one. One job (one key) does all sending, so no two runs ever
/// count one person's weekly cap at the same time. Each nudge is checked again when its time comes: the person is
/// active and wants reminders, it is not quiet hours, the weekly cap has room, and its source still wants it.
/// A nudge is marked <see cref="NudgeState.Sending"/> in the database just before the message goes out and
/// <see cref="NudgeState.Sent"/> after; one found still marked sending (the process died in between) is never sent
/// again: a crash may lose that one nudge but never repeats it.
/// </summary>
public sealed class NudgeDelivery(
    IEnumerable<INudgeSource> sources,
    NudgeStore store,
    NudgeWake wake,
    QuietHours quiet,
    SendPacer pacer,
    IMessenger messenger,
    Texts texts,
    IDocumentStore db,
    IOptions<NudgeOptions> options,
    TimeProvider time,
    ILogger<NudgeDelivery> log) : IJob
{
    public static readonly TimeSpan CapWindow = TimeSpan.FromDays(7);

    private readonly Dictionary<string, INudgeSource> _sources = sources.ToDictionary(s => s.Kind, StringComparer.Ordinal);

    public async Task RunAsync(string arg, CancellationToken ct)
    {
        // In rounds: everyone's first (highest priority) nudge, then everyone's second…, so one person's priorities
        // decide who gets the last place under their cap, and nobody's second message waits for Telegram's per-chat second.
        var rounds = store.Due(Now)
            .GroupBy(n => n.ResidentId)
            .SelectMany(person => person
                .OrderBy(n => _sources.TryGetValue(n.Kind, out var s) ? s.Priority : int.MaxValue).ThenBy(n => n.DueAt).ThenBy(n => n.Key, StringComparer.Ordinal)
                .Select((n, round) => (Nudge: n, Round: round)))
            .OrderBy(x => x.Round).ThenBy(x => x.Nudge.DueAt)
            .Select(x => x.Nudge)
            .ToList();
        foreach (var nudge in rounds)
        {
            await DeliverAsync(nudge, ct);
        }

        if (store.NextDue() is { } next)
        {
            wake.At(next);
        }
    }

    private async Task DeliverAsync(Nudge nudge, CancellationToken ct)
    {
        var now = Now;
        if (nudge.State == NudgeState.Sending)
        {
            Finish(nudge, NudgeState.Unconfirmed, "interrupted while sending");
            return;
        }

        if (!_sources.TryGetValue(nudge.Kind, out var source))
        {
            Finish(nudge, NudgeState.Dropped, "unknown kind");
            return;
        }

        var person = db.Residents.FindById(nudge.ResidentId);
        if (person is not { Active: true })
        {
            Finish(nudge, NudgeState.Dropped, "inactive");
            return;
        }

        if (source.Optional && !person.NudgesEnabled)
        {
            Finish(nudge, NudgeState.Dropped, "reminders off");
            return;
        }

        if (quiet.Contains(now))
        {
            Postpone(nudge, source, quiet.NextAllowed(now));
            return;
        }

        if (source.OverCap != OverCap.Exempt && CapFreesAt(person.Id, now) is { } frees)
        {
            if (source.OverCap == OverCap.Postpone)
            {
                Postpone(nudge, source, quiet.NextAllowed(frees));
            }
            else
            {
                Finish(nudge, NudgeState.Dropped, "weekly cap");
            }

            return;
        }

        var composed = source.Compose(nudge, person, now);
        if (composed.Again)
        {
            store.Delete(nudge.Key);
            return;
        }

        if (composed.Text is not { } text)
        {
            Finish(nudge, NudgeState.Dropped, composed.DropReason ?? "no longer needed");
            return;
        }

        if (source.Optional)
        {
            text += "\n\n" + texts.Get(person.Lang, "nudge.footer");
        }

        await SendAsync(nudge, person, text, composed.Buttons, ct);
    }

    private async Task SendAsync(Nudge nudge, Resident person, string text, Keyboard? buttons, CancellationToken ct)
    {
        try
        {
            var messageId = await pacer.RunAsync(person.ChatId, () =>
            {
                nudge.State = NudgeState.Sending;
                nudge.SentAt = Now;
                store.Save(nudge);

                // Not cancelled by a stop: a send under way finishes and is recorded.
                return messenger.SendTextAsync(person.ChatId, text, buttons, CancellationToken.None);
            }, ct);
            nudge.MessageId = messageId;
            Finish(nudge, NudgeState.Sent, null);
        }
        catch (RecipientBlockedException)
        {
            Finish(nudge, NudgeState.Dropped, "blocked");
        }
        catch (RateLimitedException e)
        {
            // Telegram refused it: nothing was delivered, so it waits and goes again.
            nudge.State = NudgeState.Pending;
            nudge.SentAt = null;
            nudge.DueAt = Now + TimeSpan.FromSeconds(Math.Max(1, e.RetryAfterSeconds));
            store.Save(nudge);
        }
        catch (Exception e) when (nudge.State == NudgeState.Sending && e is not OperationCanceledException)
        {
            log.LogWarning(e, "Nudge {Key} may not have arrived; it is not sent again", nudge.Key);
            Finish(nudge, NudgeState.Unconfirmed, MessageLimits.Clip(e.Message, 200));
        }
    }

    /// <summary>Null if the person may get another reminder now; otherwise when the oldest one counted leaves the 7 days.</summary>
    private DateTime? CapFreesAt(long residentId, DateTime now)
    {
        var counted = store.ForResident(residentId)
            .Where(n => n.Delivered && n.SentAt is not null && n.SentAt > now - CapWindow && _sources.TryGetValue(n.Kind, out var s) && s.OverCap != OverCap.Exempt)
            .Select(n => n.SentAt!.Value).Order().ToList();
        var cap = options.Value.WeeklyCap;
        return counted.Count < cap ? null : counted[counted.Count - cap] + CapWindow;
    }

    private void Postpone(Nudge nudge, INudgeSource source, DateTime to)
    {
        if (source.Deadline(nudge) is { } deadline && to >= deadline)
        {
            Finish(nudge, NudgeState.Dropped, "too late");
            return;
        }

        nudge.DueAt = to;
        store.Save(nudge);
    }

    private void Finish(Nudge nudge, NudgeState state, string? reason)
    {
        nudge.State = state;
        nudge.Reason = reason;
        nudge.DoneAt = Now;
        store.Save(nudge);
        log.LogDebug("Nudge {Key}: {State} {Reason}", nudge.Key, state, reason);
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;
}
