using System.Collections.Concurrent;

namespace VillageBot.Features.Polls;

/// <summary>
/// A vote can reach the bot before the bot has noted which resident's poll message it belongs to: Telegram shows the
/// poll as soon as it is sent, and the bot records it only when the send has returned. Such a vote is kept here for a
/// short while and counted as soon as the poll message is recorded, instead of being dropped as a vote on an unknown
/// poll. Both steps take one lock, so a vote is either seen by the recording or finds the message recorded.
/// </summary>
public sealed class EarlyVotes(TimeProvider time)
{
    /// <summary>How long a vote on a poll message not yet recorded is kept.</summary>
    public static readonly TimeSpan KeptFor = TimeSpan.FromMinutes(2);

    /// <summary>At most this many are kept (votes on other bots' or group polls also pass through here unmatched).</summary>
    public const int Capacity = 2_000;

    private readonly object _lock = new();
    private readonly ConcurrentDictionary<string, Vote> _votes = new(StringComparer.Ordinal);

    /// <summary>A vote as Telegram told it: the voter (null for an anonymous poll's new counts) and the chosen options.</summary>
    public sealed record Vote(long? VoterId, List<int> Choice, DateTime At);

    /// <summary>
    /// Keeps the vote unless its poll message is already recorded (<paramref name="recorded"/>); true when kept, false
    /// when the caller should count it now.
    /// </summary>
    public bool KeepUnlessRecorded(string pollId, long? voterId, List<int> choice, Func<bool> recorded)
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

            if (_votes.Count < Capacity || _votes.ContainsKey(pollId))
            {
                _votes[pollId] = new Vote(voterId, choice, now);
            }

            return true;
        }
    }

    /// <summary>Whether a vote on this poll message is waiting for the message to be recorded.</summary>
    public bool Holds(string pollId) => _votes.ContainsKey(pollId);

    /// <summary>Records the poll message (<paramref name="record"/>) and hands over a vote that came before it, if any.</summary>
    public Vote? Record(string pollId, Action record)
    {
        lock (_lock)
        {
            record();
            return _votes.TryRemove(pollId, out var vote) && time.GetUtcNow().UtcDateTime - vote.At <= KeptFor ? vote : null;
        }
    }
}
