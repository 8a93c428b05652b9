using System.Globalization;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Nudges;
using VillageBot.Features.Sending;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Features.Polls;

/// <summary>
/// (c) One reminder, <see cref="NudgeOptions.PollReminderHoursBefore"/> before a village poll closes, to each resident
/// who got the poll and has not voted. Only for polls open long enough: the reminder comes at least as long after
/// the poll went out as before it closes (6 h or longer by default). When that time falls in quiet hours, the
/// reminder goes when they end if at least an hour of voting is left, else an hour before they begin; over the
/// weekly cap it is dropped (later would be too late).
/// </summary>
public sealed class PollReminders(PollStore polls, SendTime sendTime, QuietHours quiet, Texts texts, IOptions<NudgeOptions> options) : INudgeSource
{
    public const string KindName = "poll";

    /// <summary>A reminder with less voting time left than this is not worth sending.</summary>
    public static readonly TimeSpan MinimumLeft = TimeSpan.FromHours(1);

    public string Kind => KindName;

    public int Priority => 2;

    public OverCap OverCap => OverCap.Drop;

    public bool Optional => true;

    private TimeSpan Lead => TimeSpan.FromHours(options.Value.PollReminderHoursBefore);

    public IEnumerable<NudgePlan> Plan(DateTime now, DateTime horizon)
    {
        foreach (var poll in polls.Polls.Find(p => p.ClosedAt == null && p.ClosesAt > now).ToList())
        {
            if (ReminderTime(poll) is not { } at || at > horizon || Deadline(poll) <= now)
            {
                continue;
            }

            foreach (var message in polls.MessagesOf(poll.Id).Where(m => m.Choice.Count == 0))
            {
                yield return new NudgePlan($"{Kind}:{poll.Id}:{message.ResidentId}", message.ResidentId, Ref(poll.Id), at);
            }
        }
    }

    /// <summary>When the poll's reminder goes out, quiet hours considered; null if the poll is too short for one.</summary>
    public DateTime? ReminderTime(VillagePoll poll)
    {
        var at = poll.ClosesAt - Lead;
        if (quiet.Contains(at))
        {
            var after = quiet.NextAllowed(at);
            at = after <= poll.ClosesAt - MinimumLeft ? after : quiet.StartOfQuiet(at) - TimeSpan.FromHours(1);
        }

        return at - poll.SendAt >= Lead && !quiet.Contains(at) ? at : null;
    }

    public Composed Compose(Nudge nudge, Resident person, DateTime now)
    {
        if (Poll(nudge) is not { } poll || !poll.IsOpen(now))
        {
            return Composed.Drop("poll closed");
        }

        var message = polls.MessageTo(poll.Id, person.Id);
        if (message is null || message.Choice.Count > 0)
        {
            return Composed.Drop("voted");
        }

        return Composed.Send(texts.Get(person.Lang, "poll.remind", poll.Question, sendTime.Format(poll.ClosesAt)));
    }

    public DateTime? Deadline(Nudge nudge) => Poll(nudge) is { } poll ? Deadline(poll) : null;

    private static DateTime Deadline(VillagePoll poll) => poll.ClosesAt - MinimumLeft;

    private VillagePoll? Poll(Nudge nudge) => int.TryParse(nudge.Ref, CultureInfo.InvariantCulture, out var id) ? polls.Polls.FindById(id) : null;

    private static string Ref(int pollId) => pollId.ToString(CultureInfo.InvariantCulture);
}
