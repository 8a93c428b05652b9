using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Polls;

/// <summary>Poll results on the pulse page: the latest polls of the period in the villages in view, votes per option (never who voted).</summary>
public sealed class PollResultsPulse(PollStore store, PollResults results, IDocumentStore db, Texts texts) : IPulseSource
{
    public const int MaxPolls = 10;

    public string Slot => PulseSlots.Polls;

    public PulseSection? Build(PulseScope scope)
    {
        var polls = store.Polls.Find(p => p.SendAt >= scope.FromUtc && p.SendAt < scope.ToUtc)
            .Where(p => scope.Includes(p.VillageId))
            .OrderByDescending(p => p.SendAt)
            .Take(MaxPolls)
            .ToList();
        if (polls.Count == 0)
        {
            return null;
        }

        var villages = db.Villages.FindAll().ToDictionary(v => v.Id, v => v.Name);
        var charts = polls.SelectMany(p =>
        {
            var tally = results.Tally(p);
            var title = texts.Get(scope.Lang, "poll.pulse.title", p.Question, villages.GetValueOrDefault(p.VillageId, "?"), tally.Voters, tally.Recipients);
            // Bars are votes out of the poll's voters: two of three votes fill two thirds of the axis.
            if (!tally.InGroup)
            {
                return [new PulseBars(title, [.. p.Options.Select((o, i) => (o, (double)tally.Counts[i]))], Max: tally.Voters)];
            }

            // Posted in the village group too: the total first, then the private chats and the group apart.
            return (IEnumerable<PulseBars>)
            [
                new PulseBars(texts.Get(scope.Lang, "poll.pulse.together", p.Question, villages.GetValueOrDefault(p.VillageId, "?"), tally.TotalVoters), [.. p.Options.Select((o, i) => (o, (double)tally.Total(i)))], Max: tally.TotalVoters),
                new PulseBars(texts.Get(scope.Lang, "poll.pulse.private", tally.Voters, tally.Recipients), [.. p.Options.Select((o, i) => (o, (double)tally.Counts[i]))], Max: tally.Voters),
                new PulseBars(texts.Get(scope.Lang, "poll.pulse.group", tally.GroupVoters), [.. p.Options.Select((o, i) => (o, (double)tally.GroupCounts[i]))], Max: tally.GroupVoters),
            ];
        }).ToList();
        return new PulseSection(charts);
    }
}
