using System.Collections.Concurrent;

namespace VillageBot.Features.Polls;

/// <summary>
/// A vote can reach the bot before the bot has noted which poll message it belongs to: Telegram shows the poll as
/// soon as it is sent (to a resident or in a village group), and the bot records it only when the send has returned.
/// Such a vote is kept here for a short while and counted as soon as the poll message is recorded, instead of being
/// dropped as a vote on an unknown poll. Both steps take one lock, so a vote is either seen by the recording or finds
/// the message recorded.
/// </summary>
public sealed class EarlyVotes(TimeProvider time)
{
    /// <summary>How long a vote on a poll message not yet recorded is kept.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(2);

    /// <summary>At most this many are kept (votes on polls of other bots would otherwise pile up).</summary>
    public const int Capacity = 2_000;

    private readonly object _lock = new();
    private readonly ConcurrentDictionary<(string PollId, long? VoterId), Vote> _votes = new();

    /// <summary>
    /// A vote as Telegram told it: the voter (null for an anonymous poll's new counts, which replace earlier ones)
    /// and the chosen options, or the counts per option for an anonymous poll.
    /// </summary>
    public sealed record Vote(long? VoterId, List<int> Choice, DateTime At, int TotalVoters = 0);

    /// <summary>
    /// Keeps the vote unless a poll message of that id is already recorded (<paramref name="recorded"/>, asked
    /// under the lock); true when kept, false when the caller should count it now.
    /// </summary>
    public bool KeepUnlessRecorded(string pollId, Vote vote, Func<bool> recorded)
    {
        lock (_lock)
        {
            if (recorded())
            {
                return false;
            }

            var now = time.GetUtcNow().UtcDateTime;
            foreach (var old in _votes.Where(v => now - v.Value.At > KeptFor).Select(v => v.Key).ToList())
            {
                _votes.TryRemove(old, out _);
            }

            var key = (pollId, vote.VoterId);
            if (_votes.Count < Capacity || _votes.ContainsKey(key))
            {
                _votes[key] = vote with { At = now };
            }

            return true;
        }
    }

    /// <summary>Whether a vote on this poll message is waiting for the message to be recorded.</summary>
    public bool Holds(string pollId) => _votes.Keys.Any(k => k.PollId == pollId);

    /// <summary>How many people's votes on this poll message are waiting (an anonymous poll's counts tell their total).</summary>
    public int VotersHeld(string pollId) => _votes.Where(v => v.Key.PollId == pollId).Sum(v => v.Key.VoterId is null ? v.Value.TotalVoters : 1);

    /// <summary>Records the poll message (<paramref name="record"/>) and hands over the votes that came before it.</summary>
    public IReadOnlyList<Vote> Record(string pollId, Action record)
    {
        lock (_lock)
        {
            record();
            var now = time.GetUtcNow().UtcDateTime;
            var taken = new List<Vote>();
            foreach (var key in _votes.Keys.Where(k => k.PollId == pollId).ToList())
            {
                if (_votes.TryRemove(key, out var vote) && now - vote.At <= KeptFor)
                {
                    taken.Add(vote);
                }
            }

            return taken;
        }
    }
}
