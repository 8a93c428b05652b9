using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Features.Groups;
using VillageBot.Infrastructure.Messaging;
namespace VillageBot.Features.Polls;

/// <summary>/newpoll, the question, its options and their settings: what is read and asked at each step.</summary>
public sealed partial class PollDialog
{
    private async Task ReadQuestionAsync(BotContext ctx)
    {
        var question = ctx.Text.ReplaceLineEndings(" ").Trim();
        if (question.Length == 0)
        {
            await ctx.ReplyKeyAsync("input.empty");
            return;
        }

        if (ctx.TextWasCut || question.Length > MessageLimits.PollQuestion)
        {
            await ctx.ReplyKeyAsync("poll.question_too_long", MessageLimits.PollQuestion, question.Length);
            return;
        }

        ctx.Resident.Dialog!.Data["question"] = question;
        ctx.SetStep(StepOptions);
        await ctx.ReplyKeyAsync("poll.ask_options", MinOptions, MaxOptions, MessageLimits.PollOption);
    }

    private async Task ReadOptionsAsync(BotContext ctx)
    {
        var options = Options(ctx);
        var added = ctx.Text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();
        if (added.Count == 0)
        {
            await ctx.ReplyKeyAsync("input.empty");
            return;
        }

        if (added.FirstOrDefault(o => o.Length > MessageLimits.PollOption) is { } tooLong)
        {
            await ctx.ReplyKeyAsync("poll.option_too_long", MessageLimits.PollOption, MessageLimits.Clip(tooLong, 40), tooLong.Length);
            return;
        }

        if (options.Count + added.Count > MaxOptions)
        {
            await ctx.ReplyKeyAsync("poll.too_many_options", MaxOptions, MaxOptions - options.Count);
            return;
        }

        var seen = new HashSet<string>(options, StringComparer.OrdinalIgnoreCase);
        if (added.FirstOrDefault(o => !seen.Add(o)) is { } repeated)
        {
            await ctx.ReplyKeyAsync("poll.option_repeated", repeated);
            return;
        }

        options.AddRange(added);
        ctx.Resident.Dialog!.Data["options"] = string.Join('\n', options);
        ctx.Save();
        if (options.Count == MaxOptions)
        {
            await AskAnonymousAsync(ctx);
            return;
        }

        var list = ctx.T("poll.options_so_far", options.Count, Numbered(options));
        if (options.Count < MinOptions)
        {
            await ctx.ReplyAsync(list + "\n\n" + ctx.T("poll.options_more", MinOptions - options.Count));
            return;
        }

        await ctx.ReplyAsync(list + "\n\n" + ctx.T("poll.options_done_hint", MaxOptions - options.Count), Keyboard.Of(
            [new Button(ctx.T("poll.options_done"), CallbackData.Build(Prefix, "done"))],
            [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]));
    }

    private async Task AskAnonymousAsync(BotContext ctx)
    {
        ctx.SetStep(StepAnonymous);
        await ctx.ReplyAsync(ctx.T("poll.ask_anonymous"), YesNo(ctx, "anon", "poll.anonymous_yes", "poll.anonymous_no"));
    }

    private async Task AskWhenAsync(BotContext ctx, TimeSpan duration)
    {
        ctx.Resident.Dialog!.Data["minutes"] = ((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture);
        ctx.SetStep(StepWhen);
        await ctx.ReplyAsync(ctx.T("poll.close_chosen", DurationText(ctx, duration)) + "\n\n" + ctx.T("sendtime.ask"), sendTime.Buttons(ctx, Prefix));
    }

    private static List<string> Options(BotContext ctx) =>
        [.. (ctx.Resident.Dialog?.Get("options") ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)];

    private static string Numbered(IReadOnlyList<string> options) =>
        string.Join('\n', options.Select((o, i) => $"{i + 1}. {o}"));

    private static Keyboard YesNo(BotContext ctx, string what, string yesKey, string noKey) => Keyboard.Of(
        [new Button(ctx.T(yesKey), CallbackData.Build(Prefix, what, 1)), new Button(ctx.T(noKey), CallbackData.Build(Prefix, what, 0))],
        [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]);

    /// <summary>The group linked to the village of the poll being written, if any.</summary>
    private GroupLink? LinkedGroup(BotContext ctx) =>
        int.TryParse(ctx.Resident.Dialog?.Get("village"), CultureInfo.InvariantCulture, out var village) ? groups.OfVillage(village) : null;

    private static Keyboard GroupButtons(BotContext ctx) => Keyboard.Of(
        [new Button(ctx.T("poll.group_anonymous"), CallbackData.Build(Prefix, "grp", "anon"))],
        [new Button(ctx.T("poll.group_named"), CallbackData.Build(Prefix, "grp", "named"))],
        [new Button(ctx.T("poll.group_no"), CallbackData.Build(Prefix, "grp", "no"))],
        [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]);

    private static Keyboard CloseButtons(BotContext ctx) => Keyboard.Of(
        [.. PollDuration.Choices.Select(m => new Button(DurationText(ctx, TimeSpan.FromMinutes(m)), CallbackData.Build(Prefix, "close", m)))],
        [new Button(ctx.T("common.cancel"), CallbackData.Build(Prefix, "cancel"))]);

    /// <summary>"3 days", "2 hours", "45 minutes", "1 week" in the person's language.</summary>
    public static string DurationText(BotContext ctx, TimeSpan d) => PollDuration.Format(d, ctx.Lang, ctx.Texts);
}
