using System.Text;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Quizzes;

/// <summary>The module list (one button per module, in phase order, with the person's progress) and one module's card.</summary>
public sealed class QuizMenu(QuizCatalog catalog, QuizStore store)
{
    public (string Text, Keyboard Buttons) List(BotContext ctx)
    {
        var modules = catalog.VisibleTo(ctx.IsCoordinator).ToList();
        var mine = store.ForUser(ctx.UserId).ToDictionary(p => p.ModuleId);
        var keyboard = new Keyboard();
        if (modules.Count == 0)
        {
            return (ctx.T("quiz.list.empty"), keyboard);
        }

        // The modules are listed once, as buttons; the text only says what the phase numbers on them mean.
        var text = new StringBuilder(ctx.T("quiz.list.title")).Append('\n');
        foreach (var phase in QuizPhases.All.Where(p => modules.Any(m => m.Phase == p)))
        {
            text.Append(QuizPhases.Badge(phase)).Append(' ').Append(ctx.T(QuizPhases.LabelKey(phase))).Append('\n');
        }

        foreach (var m in modules.Where(m => mine.GetValueOrDefault(m.Id)?.InProgress == true))
        {
            var p = mine[m.Id];
            keyboard.Row(new Button(ctx.T("quiz.button.continue_named", m.TitleIn(ctx.Lang), p.Current, m.Items.Count), CallbackData.Build(QuizCallback.Prefix, "cont", m.Id)));
        }

        foreach (var m in modules)
        {
            var status = Status(m, mine.GetValueOrDefault(m.Id));
            keyboard.Row(new Button($"{QuizPhases.Badge(m.Phase)} {m.TitleIn(ctx.Lang)}{(status.Length > 0 ? " · " + status : "")}", CallbackData.Build(QuizCallback.Prefix, "open", m.Id)));
        }

        text.Append('\n').Append(ctx.T("quiz.list.choose"));
        return (text.ToString(), keyboard);
    }

    public (string Text, Keyboard Buttons) Card(BotContext ctx, QuizModule m)
    {
        var p = store.Get(ctx.UserId, m.Id);
        var text = new StringBuilder()
            .Append(QuizPhases.Badge(m.Phase)).Append(' ').Append(ctx.T(QuizPhases.LabelKey(m.Phase))).Append('\n')
            .Append("«").Append(m.TitleIn(ctx.Lang)).Append("»\n\n")
            .Append(m.DescriptionIn(ctx.Lang)).Append("\n\n")
            .Append(ctx.T(m.IsAssessment ? "quiz.card.statements" : "quiz.card.questions", m.Items.Count));
        if (p?.InProgress == true)
        {
            text.Append('\n').Append(ctx.T("quiz.card.in_progress", p.Current, m.Items.Count));
        }

        if (p is { Done: true })
        {
            text.Append('\n').Append(m.IsAssessment
                ? ctx.T("quiz.card.done_assessment", p.Completions)
                : ctx.T("quiz.card.scores", p.BestScore ?? 0, p.LastScore ?? 0, m.Items.Count));
        }

        var keyboard = new Keyboard();
        if (p?.InProgress == true)
        {
            keyboard.Row(new Button(ctx.T("quiz.button.continue", p.Current, m.Items.Count), CallbackData.Build(QuizCallback.Prefix, "cont", m.Id)));
            keyboard.Row(new Button(ctx.T("quiz.button.restart"), CallbackData.Build(QuizCallback.Prefix, "start", m.Id)));
        }
        else
        {
            keyboard.Row(new Button(ctx.T(p is { Done: true } ? "quiz.button.retake" : "quiz.button.start"), CallbackData.Build(QuizCallback.Prefix, "start", m.Id)));
        }

        keyboard.Row(new Button(ctx.T("quiz.button.all"), CallbackData.Build(QuizCallback.Prefix, "list")));
        return (text.ToString(), keyboard);
    }

    /// <summary>"⏳ 3/10", "✅ 9/12", "✅", or nothing for a module not started.</summary>
    private static string Status(QuizModule m, QuizProgress? p)
    {
        if (p is null)
        {
            return "";
        }

        var parts = new List<string>();
        if (p.InProgress)
        {
            parts.Add($"⏳ {p.Current}/{m.Items.Count}");
        }

        if (p.Done)
        {
            parts.Add(m.IsAssessment ? "✅" : $"✅ {p.BestScore ?? 0}/{m.Items.Count}");
        }

        return string.Join(' ', parts);
    }
}

/// <summary>/quiz: the modules of the four phases with the person's progress.</summary>
public sealed class QuizCommand(QuizMenu menu) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var (text, buttons) = menu.List(ctx);
        return ctx.ReplyAsync(text, buttons);
    }
}
