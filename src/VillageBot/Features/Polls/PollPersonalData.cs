using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Polls;

/// <summary>
/// The polls a person was sent and how they voted (in private and in a village group's named poll), and the polls they created. Erasing keeps each vote without
/// the person (results stay right) and the poll without its author.
/// </summary>
public sealed class PollPersonalData(PollStore store) : IPersonalData
{
    public string Section => "polls";

    public IReadOnlyList<string> Collections => ["polls", "poll_messages", "poll_group_votes"];

    public object? Export(long userId)
    {
        var polls = store.Polls.FindAll().ToDictionary(p => p.Id);
        var received = store.Messages.Find(m => m.ResidentId == userId).OrderBy(m => m.SentAt).Select(m => new
        {
            question = polls.GetValueOrDefault(m.PollId)?.Question,
            sent = m.SentAt,
            voted = m.VotedAt,
            answers = m.Choice.Select(i => polls.GetValueOrDefault(m.PollId)?.Options.ElementAtOrDefault(i)).ToList(),
        }).ToList();
        var created = polls.Values.Where(p => p.CreatedBy == userId).OrderBy(p => p.CreatedAt)
            .Select(p => new { question = p.Question, options = p.Options, created = p.CreatedAt }).ToList();
        var inGroups = store.GroupVotes.Find(v => v.UserId == userId).Select(v => new
        {
            question = polls.GetValueOrDefault(v.PollId)?.Question,
            answers = v.Choice.Select(i => polls.GetValueOrDefault(v.PollId)?.Options.ElementAtOrDefault(i)).ToList(),
        }).ToList();
        return received.Count == 0 && created.Count == 0 && inGroups.Count == 0 ? null : new { received, created, inGroups };
    }

    public void Erase(long userId)
    {
        foreach (var message in store.Messages.Find(m => m.ResidentId == userId).ToList())
        {
            // The vote stays counted; the chat and message it was sent to go, and closing skips a message it cannot reach.
            message.ResidentId = 0;
            message.ChatId = 0;
            message.MessageId = 0;
            message.Stopped = true;
            store.Messages.Update(message);
        }

        foreach (var vote in store.GroupVotes.Find(v => v.UserId == userId).ToList())
        {
            // A vote in a group poll stays counted without the voter.
            vote.UserId = 0;
            store.GroupVotes.Update(vote);
        }

        foreach (var poll in store.Polls.Find(p => p.CreatedBy == userId).ToList())
        {
            poll.CreatedBy = 0;
            store.Polls.Update(poll);
        }
    }
}
