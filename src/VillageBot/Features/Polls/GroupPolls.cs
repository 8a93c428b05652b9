using System.Globalization;
using VillageBot.Infrastructure.Storage;
using Telegram.Bot.Types;
using VillageBot.Conversation;
using VillageBot.Features.Groups;
using VillageBot.Infrastructure.Jobs;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Polls;

/// <summary>A village poll posted as a native poll in the village's linked group; its id is Telegram's poll id.</summary>
[StoredIn("poll_group_messages")]
public sealed class GroupPollMessage
{
    [DocumentId]
    public string Id { get; set; } = "";

    public int PollId { get; set; }

    public long ChatId { get; set; }

    public int MessageId { get; set; }

    public bool IsAnonymous { get; set; }

    /// <summary>Votes per option in the group (from Telegram's counts for an anonymous poll, from the votes for a named one).</summary>
    public List<int> Counts { get; set; } = [];

    public int Voters { get; set; }

    public bool Stopped { get; set; }
}

/// <summary>One group member's vote on a named group poll (Telegram names voters only there).</summary>
[OnceObjectIds]
[StoredIn("poll_group_votes")]
public sealed class GroupPollVote
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N");

    public string TelegramPollId { get; set; } = "";

    public int PollId { get; set; }

    /// <summary>The voter (0 once they asked to be forgotten; the vote stays counted).</summary>
    public long UserId { get; set; }

    public List<int> Choice { get; set; } = [];
}

/// <summary>
/// Posts a poll in the village's linked group when it is due (by poll id), paced like every group message. Posted
/// once: a poll already posted, closed (its broadcast cancelled) or without a linked group is left alone; a poll
/// closed while its post waited for the group's turn has the post stopped at once.
/// </summary>
public sealed class PollGroupJob(PollStore store, GroupLinks links, GroupSender sender, GroupPollPosts posts, EarlyVotes early, GroupPollVotes votes, TimeProvider time, ILogger<PollGroupJob> log) : IJob
{
    public static string Arg(int pollId) => pollId.ToString(CultureInfo.InvariantCulture);

    public async Task RunAsync(string arg, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        if (!int.TryParse(arg, CultureInfo.InvariantCulture, out var id) || store.Polls.FindById(id) is not { InGroup: true } poll
            || poll.GroupPostedAt is not null || !poll.IsOpen(now) || store.GroupMessagesOf(id).Count > 0)
        {
            return;
        }

        if (links.OfVillage(poll.VillageId) is not { } link)
        {
            log.LogInformation("Poll {Poll} was not posted in a group: the village has none linked now", id);
            return;
        }

        var sent = await sender.SendPollAsync(link.Id, new PollRequest(poll.Question, poll.Options, poll.GroupAnonymous, poll.AllowsMultipleAnswers), ct);
        var message = new GroupPollMessage
        {
            Id = sent.PollId,
            PollId = poll.Id,
            ChatId = links.OfVillage(poll.VillageId)?.Id ?? link.Id,
            MessageId = sent.MessageId,
            IsAnonymous = poll.GroupAnonymous,
            Counts = [.. poll.Options.Select(_ => 0)],
        };
        foreach (var vote in early.Record(sent.PollId, () => store.GroupMessages.Upsert(message)))
        {
            votes.Count(message, vote);
        }

        poll.GroupPostedAt = now;
        store.Polls.Update(poll);
        if (store.Polls.FindById(id)?.IsOpen(time.GetUtcNow().UtcDateTime) != true)
        {
            await posts.StopAsync(message, ct);
        }
    }
}

/// <summary>Stops a poll posted in a village group (the poll closed or was cancelled) and marks it stopped.</summary>
public sealed class GroupPollPosts(PollStore store, GroupSender groups, ILogger<GroupPollPosts> log)
{
    public async Task StopAsync(GroupPollMessage message, CancellationToken ct)
    {
        try
        {
            await groups.StopPollAsync(message.ChatId, message.MessageId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The bot may have been removed from the group; later votes there are ignored anyway.
            log.LogWarning(e, "Could not stop the poll in group {Chat}", message.ChatId);
        }

        message.Stopped = true;
        store.GroupMessages.Update(message);
    }
}

/// <summary>
/// Votes on group polls: an anonymous poll's new counts, a named poll's poll_answer from a group member. Nothing
/// is said in the group about anyone's vote. Votes after the poll closed are ignored.
/// </summary>
public sealed class GroupPollVotes(PollStore store, EarlyVotes early, TimeProvider time) : IPollAnswerHandler, IPollUpdateHandler
{
    public Task HandleAsync(PollAnswer answer, CancellationToken ct)
    {
        if (answer.User is { } user)
        {
            Take(answer.PollId, new EarlyVotes.Vote(user.Id, [.. answer.OptionIds], default));
        }

        return Task.CompletedTask;
    }

    public Task HandleAsync(Telegram.Bot.Types.Poll update, CancellationToken ct)
    {
        Take(update.Id, new EarlyVotes.Vote(null, [.. update.Options.Select(o => o.VoterCount)], default, update.TotalVoterCount));
        return Task.CompletedTask;
    }

    /// <summary>Counts a vote on a recorded group poll message: a member's named vote, or an anonymous poll's counts.</summary>
    public void Count(GroupPollMessage message, EarlyVotes.Vote vote)
    {
        if (vote.VoterId is long user)
        {
            CountNamed(message, user, vote.Choice);
        }
        else if (message.IsAnonymous && OpenPoll(message) is not null)
        {
            message.Counts = vote.Choice;
            message.Voters = vote.TotalVoters;
            store.GroupMessages.Update(message);
        }
    }

    private void Take(string pollId, EarlyVotes.Vote vote)
    {
        GroupPollMessage? message = null;
        if (!early.KeepUnlessRecorded(pollId, vote, () => (message = store.GroupMessages.FindById(pollId)) is not null || store.Messages.FindById(pollId) is not null)
            && message is not null)
        {
            Count(message, vote);
        }
    }

    private void CountNamed(GroupPollMessage message, long user, List<int> options)
    {
        if (OpenPoll(message) is not { } poll)
        {
            return;
        }

        var choice = options.Where(i => i >= 0 && i < poll.Options.Count).Distinct().Order().ToList();
        var vote = store.GroupVotes.FindOne(v => v.TelegramPollId == message.Id && v.UserId == user);
        if (choice.Count == 0)
        {
            if (vote is not null)
            {
                store.GroupVotes.Delete(vote.Id);
            }
        }
        else
        {
            vote ??= new GroupPollVote { TelegramPollId = message.Id, PollId = poll.Id, UserId = user };
            vote.Choice = choice;
            store.GroupVotes.Upsert(vote);
        }

        var votes = store.GroupVotes.Find(v => v.TelegramPollId == message.Id).ToList();
        message.Counts = [.. poll.Options.Select((_, i) => votes.Count(v => v.Choice.Contains(i)))];
        message.Voters = votes.Count;
        store.GroupMessages.Update(message);
    }

    private VillagePoll? OpenPoll(GroupPollMessage message) =>
        store.Polls.FindById(message.PollId) is { } poll && poll.IsOpen(time.GetUtcNow().UtcDateTime) ? poll : null;
}
