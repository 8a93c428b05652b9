using System.Text;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Onboarding;
using VillageBot.Infrastructure.Charts;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Quizzes;

/// <summary>/needs [village code]: a coordinator's own village; admins (and coordinators of several) choose one.</summary>
public sealed class NeedsCommand(NeedsReport report, VillageDirectory villages) : ICommandHandler
{
    /// <summary>Telegram shows at most 100 buttons under a message; admins with more villages type /needs CODE.</summary>
    private const int MaxVillageButtons = 90;

    public async Task HandleAsync(BotContext ctx, string args)
    {
        if (args.Length > 0)
        {
            var named = villages.ByCode(args) ?? (villages.Search(args) is [var only] ? only : null);
            if (named is null)
            {
                await ctx.ReplyKeyAsync("quiz.needs.unknown_village", args.Length > 40 ? args[..40] : args);
            }
            else if (!ctx.MayManage(named.Id))
            {
                await ctx.ReplyKeyAsync("access.not_your_village");
            }
            else
            {
                await report.SendAsync(ctx, named);
            }

            return;
        }

        var manageable = ctx.IsAdmin
            ? villages.All()
            : [.. ctx.Resident.CoordinatorOf.Select(villages.ById).OfType<Village>()];
        switch (manageable.Count)
        {
            case 0:
                await ctx.ReplyKeyAsync("quiz.needs.no_village");
                return;
            case 1:
                await report.SendAsync(ctx, manageable[0]);
                return;
            default:
                await ctx.ReplyAsync(ctx.T("quiz.needs.choose"), Keyboard.Column(manageable.Take(MaxVillageButtons).Select(v => new Button(v.Name, CallbackData.Build(NeedsCallback.Prefix, "v", v.Id)))));
                return;
        }
    }
}

/// <summary>The learning-needs report of one village: text with share buttons, and bar charts.</summary>
public sealed class NeedsReport(LearningNeeds needs)
{
    public async Task SendAsync(BotContext ctx, Village village)
    {
        var n = needs.For(village.Id);
        var culture = Texts.CultureFor(ctx.Lang);
        var text = new StringBuilder(ctx.T("quiz.needs.title", village.Name, n.Members)).Append("\n\n");
        if (n.Assessments.Count == 0)
        {
            text.Append(ctx.T("quiz.needs.no_assessment")).Append("\n\n");
        }

        foreach (var a in n.Assessments)
        {
            text.Append(ctx.T(a.Topics.Count > 0 ? "quiz.needs.assessment" : "quiz.needs.assessment_count", a.Module.TitleIn(ctx.Lang), a.Respondents)).Append('\n');
            foreach (var t in a.Topics)
            {
                text.Append("• ").Append(Topic(ctx, t.Topic)).Append(": ").Append(t.Average.ToString("0.0", culture)).Append(" (").Append(t.Respondents).Append(")\n");
            }

            AppendTooFew(ctx, text, a.Withheld, n.MinRespondents);
            text.Append('\n');
        }

        foreach (var r in n.Reassessments)
        {
            text.Append(ctx.T(r.Topics.Count > 0 ? "quiz.needs.reassessment" : "quiz.needs.reassessment_count", r.Module.TitleIn(ctx.Lang), r.Respondents)).Append('\n');
            foreach (var t in r.Topics)
            {
                text.Append("• ").Append(Topic(ctx, t.Topic)).Append(": ").Append(t.Before.ToString("0.0", culture)).Append(" → ").Append(t.After.ToString("0.0", culture)).Append('\n');
            }

            AppendTooFew(ctx, text, r.Withheld, n.MinRespondents);
            text.Append('\n');
        }

        text.Append(ctx.T(n.Scores.Count > 0 ? "quiz.needs.scores" : n.ScoresWithheld > 0 ? "quiz.needs.scores_title" : "quiz.needs.no_scores")).Append('\n');
        foreach (var s in n.Scores)
        {
            text.Append("• ").Append(Topic(ctx, s.Topic)).Append(": ").Append(QuizScoring.Percent(s.Right, s.Answers)).Append("% (").Append(s.Answers).Append(")\n");
        }

        AppendTooFew(ctx, text, n.ScoresWithheld, n.MinRespondents);

        var keyboard = new Keyboard();
        if (n.ShareNext.Count > 0)
        {
            text.Append('\n').Append(ctx.T("quiz.needs.share")).Append('\n');
            for (var i = 0; i < n.ShareNext.Count; i++)
            {
                var m = n.ShareNext[i];
                var topics = string.Join(", ", n.NeedTopics.Where(t => m.QuestionsOn(t) > 0).Take(2).Select(t => Topic(ctx, t)));
                text.Append(i + 1).Append(". «").Append(m.TitleIn(ctx.Lang)).Append('»').Append(topics.Length > 0 ? " — " + topics : "").Append('\n');
                keyboard.Row(new Button("📣 " + m.TitleIn(ctx.Lang), CallbackData.Build(NeedsCallback.Prefix, "send", village.Id, m.Id)));
            }

            text.Append(ctx.T("quiz.needs.share_hint"));
        }

        keyboard.Row(new Button(ctx.T("quiz.needs.other_module"), CallbackData.Build(NeedsCallback.Prefix, "pick", village.Id)));
        await ctx.ReplyAsync(text.ToString(), keyboard);
        await SendChartsAsync(ctx, village, n);
    }

    private async Task SendChartsAsync(BotContext ctx, Village village, VillageNeeds n)
    {
        if (n.Assessments.Any(a => a.Topics.Count > 0))
        {
            var bars = n.Assessments.SelectMany(a => a.Topics).GroupBy(t => t.Topic)
                .Select(g => (Label: Topic(ctx, g.Key), Value: g.Sum(t => t.Average * t.Respondents) / g.Sum(t => t.Respondents)))
                .OrderBy(b => b.Value)
                .ToList();
            var png = BarChart.Render(ctx.T("quiz.needs.chart_confidence", village.Name), bars, valueFormat: "0.0", culture: Texts.CultureFor(ctx.Lang), max: 3);
            await ctx.Messenger.SendPhotoAsync(ctx.ChatId, png, ctx.T("quiz.needs.chart_confidence", village.Name));
        }

        if (n.Scores.Count > 0)
        {
            var bars = n.Scores.Select(s => (Topic(ctx, s.Topic), (double)QuizScoring.Percent(s.Right, s.Answers))).ToList();
            var png = BarChart.Render(ctx.T("quiz.needs.chart_scores", village.Name), bars, valueFormat: "0", culture: Texts.CultureFor(ctx.Lang), max: 100);
            await ctx.Messenger.SendPhotoAsync(ctx.ChatId, png, ctx.T("quiz.needs.chart_scores", village.Name));
        }
    }

    /// <summary>"Not enough answers yet" where topics were left out because fewer than the minimum answered them.</summary>
    private static void AppendTooFew(BotContext ctx, StringBuilder text, int withheld, int min)
    {
        if (withheld > 0)
        {
            text.Append(ctx.T("quiz.needs.too_few", min)).Append('\n');
        }
    }

    private static string Topic(BotContext ctx, string topic) => ctx.T(QuizTopics.LabelKey(topic));
}

/// <summary>
/// qzn:v:VILLAGE | qzn:pick:VILLAGE | qzn:send:VILLAGE:MODULE (asks to confirm; during the quiet hours also "at
/// 08:00 or now") | qzn:go:VILLAGE:MODULE[:later] | qzn:no.
/// </summary>
public sealed class NeedsCallback(NeedsReport report, VillageDirectory villages, QuizCatalog catalog, QuizStore store, BroadcastStore broadcasts, IQuizInvitations invitations, SendTime sendTime) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "qzn:…".</summary>
    public const string Prefix = "qzn";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (data.Arg(0) == "no" && data.Args.Count == 1)
        {
            await ctx.AckAsync();
            await ctx.EditOrReplyAsync(ctx.T("dialog.cancelled"));
            return;
        }

        var village = data.IntArg(1) is int id ? villages.ById(id) : null;
        if (village is null)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        if (!ctx.MayManage(village.Id))
        {
            await ctx.AckAsync(ctx.T("access.not_your_village"), alert: true);
            return;
        }

        if (data.Arg(0) == "v" && data.Args.Count == 2)
        {
            await ctx.AckAsync();
            await report.SendAsync(ctx, village);
            return;
        }

        if (data.Arg(0) == "pick" && data.Args.Count == 2)
        {
            await ctx.AckAsync();
            await ctx.ReplyAsync(
                ctx.T("quiz.needs.pick", village.Name),
                Keyboard.Column(catalog.Modules.Where(m => !m.ForLeaders).Select(m => new Button($"{QuizPhases.Badge(m.Phase)} {m.TitleIn(ctx.Lang)}", CallbackData.Build(NeedsCallback.Prefix, "send", village.Id, m.Id)))));
            return;
        }

        var module = catalog.Find(data.Arg(2));
        var later = data.Arg(0) == "go" && data.Args.Count == 4 && data.Arg(3) == "later";
        if (module is null || module.ForLeaders || (data.Args.Count != 3 && !later) || data.Arg(0) is not ("send" or "go"))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        var (recipients, alreadyDone) = QuizInviteSender.Audience(store, module.Id, ctx.UserId, broadcasts.Recipients(village.Id));
        if (data.Arg(0) == "send")
        {
            await ctx.AckAsync();
            var confirm = ctx.T("quiz.share.confirm", module.TitleIn(ctx.Lang), village.Name, recipients.Count, alreadyDone);
            if (sendTime.QuietUntil(ctx.Now) is { } end)
            {
                await ctx.ReplyAsync(confirm + "\n\n" + sendTime.QuietQuestion(ctx), Keyboard.Of(
                    [new Button(sendTime.WaitButton(ctx, end), CallbackData.Build(NeedsCallback.Prefix, "go", village.Id, module.Id, "later"))],
                    [new Button(ctx.T("sendtime.quiet_now"), CallbackData.Build(NeedsCallback.Prefix, "go", village.Id, module.Id))],
                    [new Button(ctx.T("common.cancel"), CallbackData.Build(NeedsCallback.Prefix, "no"))]));
                return;
            }

            await ctx.ReplyAsync(confirm, Keyboard.Of([
                new Button(ctx.T("quiz.share.yes"), CallbackData.Build(NeedsCallback.Prefix, "go", village.Id, module.Id)),
                new Button(ctx.T("common.cancel"), CallbackData.Build(NeedsCallback.Prefix, "no"))]));
            return;
        }

        if (recipients.Count == 0)
        {
            await ctx.AckAsync();
            await ctx.EditOrReplyAsync(ctx.T("quiz.share.nobody", village.Name));
            return;
        }

        // "At 08:00" pressed after the quiet hours ended simply sends now.
        var at = later ? sendTime.QuietUntil(ctx.Now) : null;
        if (await invitations.SendAsync(village.Id, module.Id, ctx.UserId, at) is null)
        {
            await ctx.AckAsync(ctx.T("quiz.share.repeat"), alert: true);
            return;
        }

        await ctx.AckAsync();
        await ctx.EditOrReplyAsync(at is { } when
            ? ctx.T("quiz.share.scheduled", module.TitleIn(ctx.Lang), village.Name, recipients.Count, sendTime.Format(when))
            : ctx.T("quiz.share.queued", module.TitleIn(ctx.Lang), village.Name, recipients.Count));
    }
}
