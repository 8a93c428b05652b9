using System.Globalization;
using System.Text;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Membership;
using VillageBot.Infrastructure.Charts;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Polls;

/// <summary>
/// The counts of one poll: each resident's latest vote in the private chat counts once (<see cref="Counts"/>), and
/// the votes in the village group (<see cref="GroupCounts"/>, empty when not posted there) are added for the
/// total. Someone who voted in both counts in both: an anonymous group poll names nobody to match.
/// </summary>
public sealed record PollTally(VillagePoll Poll, int Recipients, int Voters, IReadOnlyList<int> Counts, IReadOnlyList<IReadOnlyList<string>> Names)
{
    public IReadOnlyList<int> GroupCounts { get; init; } = [];

    public int GroupVoters { get; init; }

    public bool InGroup => GroupCounts.Count > 0;

    public int TotalVoters => Voters + GroupVoters;

    public int Total(int option) => Counts[option] + (option < GroupCounts.Count ? GroupCounts[option] : 0);
}

public sealed class PollResults(PollStore store, Texts texts, SendTime sendTime)
{
    public PollTally Tally(VillagePoll poll)
    {
        var messages = store.MessagesOf(poll.Id);
        var latest = messages.Where(m => m.VotedAt is not null).GroupBy(m => m.ResidentId).Select(g => g.OrderByDescending(m => m.VotedAt).First()).Where(m => m.Choice.Count > 0).ToList();
        var counts = new int[poll.Options.Count];
        var names = poll.Options.Select(_ => new List<string>()).ToArray();
        foreach (var vote in latest)
        {
            var who = poll.IsAnonymous ? null : store.Db.Residents.FindById(vote.ResidentId) is { } r ? r.FirstName ?? ("@" + r.Username) : null;
            foreach (var i in vote.Choice.Where(i => i < counts.Length))
            {
                counts[i]++;
                if (who is not null)
                {
                    names[i].Add(who);
                }
            }
        }

        var group = store.GroupMessagesOf(poll.Id);
        return new PollTally(poll, messages.Select(m => m.ResidentId).Distinct().Count(), latest.Count, counts, names)
        {
            GroupCounts = group.Count == 0 ? [] : [.. poll.Options.Select((_, i) => group.Sum(g => g.Counts.ElementAtOrDefault(i)))],
            GroupVoters = group.Sum(g => g.Voters),
        };
    }

    public string Text(PollTally t, string lang, DateTime now)
    {
        var poll = t.Poll;
        var status = poll.IsOpen(now)
            ? (poll.SendAt > now ? texts.Get(lang, "results.scheduled", sendTime.Format(poll.SendAt)) : texts.Get(lang, "results.open_until", sendTime.Format(poll.ClosesAt)))
            : texts.Get(lang, "results.closed", sendTime.Format(poll.ClosedAt ?? poll.ClosesAt));
        var text = new StringBuilder("📊 ").Append(poll.Question).Append('\n').Append(status).Append('\n')
            .Append(texts.Get(lang, "results.voters", t.Voters, t.Recipients)).Append('\n')
            .Append(t.InGroup ? texts.Get(lang, "results.group_voters", t.GroupVoters, t.TotalVoters) + "\n" : "").Append('\n');
        for (var i = 0; i < poll.Options.Count; i++)
        {
            var pct = t.TotalVoters == 0 ? 0 : (int)Math.Round(100.0 * t.Total(i) / t.TotalVoters);
            text.Append(poll.Options[i]).Append(" — ").Append(t.Total(i).ToString(CultureInfo.InvariantCulture))
                .Append(" (").Append(pct.ToString(CultureInfo.InvariantCulture)).Append("%)")
                .Append(t.InGroup ? " · " + texts.Get(lang, "results.split", t.Counts[i], t.GroupCounts[i]) : "").Append('\n');
            if (t.Names[i].Count > 0)
            {
                text.Append("   ").Append(string.Join(", ", t.Names[i].Take(30))).Append(t.Names[i].Count > 30 ? " …" : "").Append('\n');
            }
        }

        return text.ToString().TrimEnd();
    }

    /// <summary>Votes per option out of all the poll's voters (private chats and group), numbers as <paramref name="lang"/> writes them.</summary>
    public static byte[] Chart(PollTally t, string lang) =>
        BarChart.Render(MessageLimits.Clip(t.Poll.Question, 80), [.. t.Poll.Options.Select((o, i) => (o, (double)t.Total(i)))], culture: Texts.CultureFor(lang), max: t.TotalVoters);

    /// <summary>Sends the counts and the chart to one chat.</summary>
    public async Task SendAsync(IMessenger messenger, long chatId, string lang, VillagePoll poll, DateTime now, CancellationToken ct = default)
    {
        var tally = Tally(poll);
        await messenger.SendTextAsync(chatId, Text(tally, lang, now), ct: ct);
        await messenger.SendPhotoAsync(chatId, Chart(tally, lang), MessageLimits.Clip(poll.Question, MessageLimits.Caption), ct: ct);
    }
}

/// <summary>/results: recent polls of the villages this person manages, as buttons ("pr:id").</summary>
public sealed class ResultsCommand(PollStore store, PollResults results, Audience audience) : ICommandHandler, ICallbackHandler
{
    public const string Prefix = "pr";

    public Task HandleAsync(BotContext ctx, string args)
    {
        var villages = audience.Villages(ctx).ToDictionary(v => v.Id, v => v.Name);
        var recent = store.Polls.FindAll().Where(p => villages.ContainsKey(p.VillageId)).OrderByDescending(p => p.CreatedAt).Take(10).ToList();
        if (recent.Count == 0)
        {
            return ctx.ReplyKeyAsync("results.none");
        }

        var several = recent.Select(p => p.VillageId).Distinct().Count() > 1;
        return ctx.ReplyAsync(ctx.T("results.choose"), Keyboard.Column(recent.Select(p =>
            new Button((p.IsOpen(ctx.Now) ? "🟢 " : "⚪ ") + MessageLimits.Clip(p.Question, 40) + (several ? $" ({villages[p.VillageId]})" : ""), CallbackData.Build(Prefix, p.Id)))));
    }

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (await ManagedPollAsync(ctx, store, data) is { } poll)
        {
            await results.SendAsync(ctx.Messenger, ctx.ChatId, ctx.Lang, poll, ctx.Now);
        }
    }

    /// <summary>
    /// The poll a button names (its first argument) if this person may manage its village, the button answered;
    /// otherwise null, with the button answered as stale or refused.
    /// </summary>
    public static async Task<VillagePoll?> ManagedPollAsync(BotContext ctx, PollStore store, CallbackData data)
    {
        if (data.IntArg(0) is not int id || store.Polls.FindById(id) is not { } poll)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return null;
        }

        if (!ctx.MayManage(poll.VillageId))
        {
            await ctx.AckAsync(ctx.T("access.not_your_village"), alert: true);
            return null;
        }

        await ctx.AckAsync();
        return poll;
    }
}
