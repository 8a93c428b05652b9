using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// The end of a module: the score (or, for a self-assessment, the confidence per topic and its change since the
/// first one), the topic to review, and what to take next.
/// </summary>
public sealed class QuizSummary(
    QuizCatalog catalog,
    QuizStore store,
    IMessenger messenger,
    Texts texts,
    TimeProvider time,
    IOptions<BotOptions> bot,
    ILogger<QuizSummary> log)
{
    public async Task FinishAsync(Resident person, QuizModule module, QuizProgress progress)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var total = module.Items.Count;
        progress.InProgress = false;
        progress.Completions++;
        progress.CompletedAt = now;
        string text;
        string? weakTopic;
        if (module.IsAssessment)
        {
            var mine = QuizScoring.ConfidenceByTopic(progress.Answers);
            weakTopic = mine.Where(t => t.Value < 3).OrderBy(t => t.Value).Select(t => t.Key).FirstOrDefault();
            text = T(person, "quiz.finish.assessment", module.TitleIn(person.Lang)) + "\n\n" + ConfidenceLines(person, module, mine);
        }
        else
        {
            var score = progress.Answers.Count(a => a.Correct == true);
            progress.LastScore = score;
            progress.BestScore = Math.Max(progress.BestScore ?? 0, score);
            var weak = QuizScoring.WeakestTopic(progress.Answers);
            weakTopic = weak?.Topic;
            text = T(person, "quiz.finish.quiz", module.TitleIn(person.Lang), score, total, QuizScoring.Percent(score, total), progress.BestScore);
            if (weak is { } w)
            {
                text += "\n" + T(person, "quiz.finish.review", TopicLabel(person, w.Topic), w.Right, w.Answers);
            }
        }

        store.Save(progress);
        var leader = bot.Value.AdminIds.Contains(person.Id) || person.CoordinatorOf.Count > 0;
        var next = QuizScoring.Suggest(catalog, module, store.ForUser(person.Id), leader, weakTopic);
        text += "\n\n" + (next is null ? T(person, "quiz.finish.all_done") : T(person, "quiz.finish.next", next.TitleIn(person.Lang)));
        var keyboard = new Keyboard();
        if (next is not null)
        {
            keyboard.Row(new Button("▶️ " + next.TitleIn(person.Lang), CallbackData.Build(QuizCallback.Prefix, "go", next.Id)));
        }

        keyboard.Row(
            new Button(T(person, "quiz.button.retake"), CallbackData.Build(QuizCallback.Prefix, "start", module.Id)),
            new Button(T(person, "quiz.button.all"), CallbackData.Build(QuizCallback.Prefix, "list")));
        await messenger.SendTextAsync(person.ChatId, text, keyboard);
        log.LogInformation("User {UserId} finished {Module} (attempt {Attempt})", person.Id, module.Id, progress.Attempt);
    }

    /// <summary>The person's confidence per topic, and for a re-assessment the change since their first self-assessment.</summary>
    private string ConfidenceLines(Resident person, QuizModule module, IReadOnlyDictionary<string, double> mine)
    {
        var culture = Texts.CultureFor(person.Lang);
        var baselineModule = catalog.Find(module.CompareWith);
        var baseline = baselineModule is null ? new Dictionary<string, double>() : QuizScoring.FirstConfidenceByTopic(baselineModule, store.Get(person.Id, baselineModule.Id));
        var lines = mine.Select(t => baseline.TryGetValue(t.Key, out var before)
            ? $"• {TopicLabel(person, t.Key)}: {before.ToString("0.#", culture)} → {t.Value.ToString("0.#", culture)}{Trend(t.Value - before)}"
            : $"• {TopicLabel(person, t.Key)}: {t.Value.ToString("0.#", culture)}");
        var text = T(person, baseline.Count > 0 ? "quiz.finish.progress" : "quiz.finish.confidence") + "\n" + string.Join('\n', lines);
        return baselineModule is not null && baseline.Count == 0
            ? text + "\n\n" + T(person, "quiz.finish.no_baseline", baselineModule.TitleIn(person.Lang))
            : text;
    }

    private static string Trend(double change) => change > 0.05 ? " ⬆️" : change < -0.05 ? " ⬇️" : "";

    private string TopicLabel(Resident person, string topic) => texts.Get(person.Lang, QuizTopics.LabelKey(topic));

    private string T(Resident person, string key, params object?[] args) => texts.Get(person.Lang, key, args);
}
