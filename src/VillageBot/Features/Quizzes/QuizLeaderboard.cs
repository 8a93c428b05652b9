using System.Globalization;
using System.Text;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// Weekly points: one per question first answered right in the week (Europe/Riga, ISO weeks), so retaking a
/// module earns nothing twice. Only people who opted in are listed, by first name.
/// </summary>
public sealed class QuizLeaderboard(QuizStore store, IDocumentStore db, TimeProvider time, TimeZoneInfo zone)
{
    public const int Top = 10;

    public string CurrentWeek()
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(time.GetUtcNow().UtcDateTime, zone);
        return $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}";
    }

    public void Award(long userId, string moduleId, string questionId)
    {
        var profile = store.Profile(userId);
        var week = CurrentWeek();
        if (profile.Week != week)
        {
            profile.Week = week;
            profile.WeekPoints = 0;
            profile.WeekScored = [];
        }

        var key = moduleId + ":" + questionId;
        if (!profile.WeekScored.Contains(key))
        {
            profile.WeekScored.Add(key);
            profile.WeekPoints++;
            store.Save(profile);
        }
    }

    public int PointsThisWeek(QuizProfile profile) => profile.Week == CurrentWeek() ? profile.WeekPoints : 0;

    /// <summary>Opted-in people of the village with points this week, most first.</summary>
    public IReadOnlyList<(string Name, int Points)> Standing(int villageId)
    {
        var week = CurrentWeek();
        var names = db.Residents.Find(r => r.VillageId == villageId).ToDictionary(r => r.Id, r => r.FirstName);
        return [.. store.Profiles.Find(p => p.LeaderboardOptIn && p.Week == week && p.WeekPoints > 0)
            .Where(p => names.ContainsKey(p.Id))
            .OrderByDescending(p => p.WeekPoints)
            .Take(Top)
            .Select(p => (string.IsNullOrWhiteSpace(names[p.Id]) ? "—" : names[p.Id]!, p.WeekPoints))];
    }
}

/// <summary>/leaderboard: this week's village standing and the person's own choice to be listed.</summary>
public sealed class LeaderboardCommand(QuizLeaderboard board, QuizStore store) : ICommandHandler, ICallbackHandler
{
    /// <summary>Callback data of its buttons: "qzl:…".</summary>
    public const string Prefix = "qzl";

    public Task HandleAsync(BotContext ctx, string args) => ctx.ReplyAsync(Text(ctx), Buttons(ctx));

    /// <summary>qzl:on | qzl:off.</summary>
    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (data.Arg(0) is not ("on" or "off") || data.Args.Count != 1)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        var profile = store.Profile(ctx.UserId);
        profile.LeaderboardOptIn = data.Arg(0) == "on";
        store.Save(profile);
        await ctx.AckAsync(ctx.T(profile.LeaderboardOptIn ? "quiz.leaderboard.joined" : "quiz.leaderboard.left"));
        await ctx.EditOrReplyAsync(Text(ctx), Buttons(ctx));
    }

    private string Text(BotContext ctx)
    {
        var village = ctx.Village;
        var standing = village is null ? [] : board.Standing(village.Id);
        var text = new StringBuilder(ctx.T("quiz.leaderboard.title", village?.Name ?? "—")).Append('\n');
        if (standing.Count == 0)
        {
            text.Append(ctx.T("quiz.leaderboard.empty")).Append('\n');
        }

        for (var i = 0; i < standing.Count; i++)
        {
            text.Append(ctx.T("quiz.leaderboard.row", i + 1, standing[i].Name, standing[i].Points)).Append('\n');
        }

        var profile = store.Profile(ctx.UserId);
        text.Append('\n').Append(ctx.T("quiz.leaderboard.you", board.PointsThisWeek(profile)))
            .Append('\n').Append(ctx.T(profile.LeaderboardOptIn ? "quiz.leaderboard.in" : "quiz.leaderboard.out"));
        return text.ToString();
    }

    private Keyboard Buttons(BotContext ctx) => store.Profile(ctx.UserId).LeaderboardOptIn
        ? Keyboard.Of([new Button(ctx.T("quiz.leaderboard.leave"), CallbackData.Build(Prefix, "off"))])
        : Keyboard.Of([new Button(ctx.T("quiz.leaderboard.join"), CallbackData.Build(Prefix, "on"))]);
}
