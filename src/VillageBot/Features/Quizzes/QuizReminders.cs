using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Nudges;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// (d) "Continue your quiz" once per module a person left unfinished for <see cref="NudgeOptions.QuizIdleDays"/>,
/// with a button that shows the next question (qz:cont:MODULE). The lowest priority: over the weekly cap it is
/// dropped, leaving the places to follow-ups on the person's own reports.
/// </summary>
public sealed class QuizReminders(IUnfinishedQuizzes unfinished, QuizStore store, QuizCatalog catalog, Texts texts, IOptions<NudgeOptions> options) : INudgeSource
{
    public const string KindName = "quiz";

    public string Kind => KindName;

    public int Priority => 3;

    public OverCap OverCap => OverCap.Drop;

    public bool Optional => true;

    private TimeSpan Idle => TimeSpan.FromDays(options.Value.QuizIdleDays);

    public IEnumerable<NudgePlan> Plan(DateTime now, DateTime horizon) =>
        unfinished.IdleSince(horizon - Idle)
            .Select(q => new NudgePlan($"{Kind}:{q.UserId}:{q.ModuleId}", q.UserId, q.ModuleId, q.LastActivityAt + Idle, q.LastActivityAt));

    public Composed Compose(Nudge nudge, Resident person, DateTime now)
    {
        var progress = store.Get(person.Id, nudge.Ref);
        if (catalog.Find(nudge.Ref) is not { } module || progress is not { InProgress: true } || progress.Current >= module.Items.Count)
        {
            return Composed.Drop("finished");
        }

        if (nudge.Basis is not { } basis || Math.Abs((progress.LastActivityAt - basis).TotalSeconds) >= 1)
        {
            // Answered since this was planned: it waits for the person to be idle again.
            return Composed.Replan();
        }

        var lang = person.Lang;
        return Composed.Send(
            texts.Get(lang, "quiz.remind", module.TitleIn(lang), progress.Current, module.Items.Count),
            Keyboard.Of([new Button(texts.Get(lang, "quiz.button.continue", progress.Current, module.Items.Count), CallbackData.Build(QuizCallback.Prefix, "cont", module.Id))]));
    }
}
