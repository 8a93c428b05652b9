using VillageBot.Conversation;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// Takes a person through a module: sends each question, records the answer, says how it went (with the
/// explanation and its source) and sends the next one; at the end <see cref="QuizSummary"/> sums it up.
/// Every question, statement, retake and resumed question looks the same: the options numbered in the message,
/// answered with number buttons, which stays readable on a phone however long an option is.
/// </summary>
public sealed class QuizRunner(
    QuizStore store,
    QuizLeaderboard leaderboard,
    QuizSummary summary,
    IMessenger messenger,
    Texts texts,
    TimeProvider time,
    ILogger<QuizRunner> log)
{
    /// <summary>Number buttons in one row; Telegram keeps five narrow buttons readable on a phone.</summary>
    private const int ButtonsPerRow = 5;

    public async Task StartAsync(Resident person, QuizModule module)
    {
        var progress = store.GetOrNew(person.Id, module.Id);
        await RetireShownQuestionAsync(person, progress);
        var now = time.GetUtcNow().UtcDateTime;
        progress.Attempt++;
        progress.InProgress = true;
        progress.Current = 0;
        progress.Answers = [];
        progress.StartedAt = now;
        progress.LastActivityAt = now;
        store.Save(progress);
        await messenger.SendTextAsync(person.ChatId, T(person, module.IsAssessment ? "quiz.start.assessment" : "quiz.start.quiz", module.TitleIn(person.Lang), module.Items.Count));
        await SendQuestionAsync(person, module, progress);
    }

    /// <summary>Shows the current question again, as a new message at the bottom of the chat.</summary>
    public async Task ContinueAsync(Resident person, QuizModule module, QuizProgress progress)
    {
        if (progress.Current >= module.Items.Count)
        {
            // The module was shortened since this attempt began; nothing is left to continue, so it starts afresh.
            await StartAsync(person, module);
            return;
        }

        await RetireShownQuestionAsync(person, progress);
        await SendQuestionAsync(person, module, progress);
    }

    public async Task AnswerAsync(Resident person, QuizModule module, QuizProgress progress, int option)
    {
        var question = module.Items[progress.Current];
        var now = time.GetUtcNow().UtcDateTime;
        var answer = new QuizAnswer
        {
            QuestionId = question.Id,
            Topic = question.Topic,
            Option = option,
            Correct = module.IsAssessment ? null : option == question.Correct,
            At = now,
        };
        progress.Answers.Add(answer);
        progress.Latest[question.Id] = answer;
        progress.First.TryAdd(question.Id, option);
        progress.Current++;
        progress.LastActivityAt = now;
        var (shownPoll, shownMessage) = (progress.PollId, progress.MessageId);
        progress.PollId = null;
        progress.MessageId = null;
        store.Save(progress);
        if (answer.Correct == true)
        {
            leaderboard.Award(person.Id, module.Id, question.Id);
        }

        if (shownPoll is null && shownMessage is int id)
        {
            // The buttons go, and the question keeps what was chosen, so the chat reads as a record of the answers.
            await messenger.EditTextAsync(person.ChatId, id, $"{QuestionText(person, module, progress.Current - 1)}\n\n➡️ {option + 1}. {question.OptionsIn(person.Lang)[option]}");
        }

        await messenger.SendTextAsync(person.ChatId, Feedback(person, module, progress, question, answer));
        if (progress.Current < module.Items.Count)
        {
            await SendQuestionAsync(person, module, progress);
        }
        else
        {
            await summary.FinishAsync(person, module, progress);
        }
    }

    private async Task SendQuestionAsync(Resident person, QuizModule module, QuizProgress progress)
    {
        var culture = Texts.CultureFor(person.Lang);
        var options = module.Items[progress.Current].OptionsIn(person.Lang);
        var text = QuestionText(person, module, progress.Current) + "\n\n" + string.Join('\n', options.Select((o, i) => $"{i + 1}. {o}"));
        var keyboard = new Keyboard();
        foreach (var row in options.Select((_, i) => new Button((i + 1).ToString(culture), CallbackData.Build(QuizCallback.Prefix, "a", module.Id, progress.Attempt, progress.Current, i))).Chunk(ButtonsPerRow))
        {
            keyboard.Row(row);
        }

        progress.PollId = null;
        progress.MessageId = await messenger.SendTextAsync(person.ChatId, text, keyboard);
        store.Save(progress);
    }

    private string QuestionText(Resident person, QuizModule module, int index) =>
        $"📝 {index + 1}/{module.Items.Count} · {module.TitleIn(person.Lang)}\n\n{module.Items[index].TextIn(person.Lang)}";

    private string Feedback(Resident person, QuizModule module, QuizProgress progress, QuizQuestion q, QuizAnswer answer)
    {
        var lang = person.Lang;
        string line;
        if (module.IsAssessment)
        {
            line = T(person, "quiz.feedback.noted", q.OptionsIn(lang)[answer.Option]);
        }
        else
        {
            var right = progress.Answers.Count(a => a.Correct == true);
            line = answer.Correct == true
                ? T(person, "quiz.feedback.right", right, progress.Answers.Count)
                : T(person, "quiz.feedback.wrong", q.OptionsIn(lang)[q.Correct!.Value], right, progress.Answers.Count);
        }

        return $"{line}\n💡 {q.ExplanationIn(lang)}\n📖 {T(person, "quiz.feedback.source", QuizSources.Describe(q.Source, lang, texts))}";
    }

    /// <summary>Closes the poll of the question on screen, so an answer there cannot count twice after it is sent again.</summary>
    private async Task RetireShownQuestionAsync(Resident person, QuizProgress progress)
    {
        if (progress.PollId is not null && progress.MessageId is int id)
        {
            await TryStopPollAsync(person, id);
        }

        progress.PollId = null;
        progress.MessageId = null;
    }

    private async Task TryStopPollAsync(Resident person, int messageId)
    {
        try
        {
            await messenger.StopPollAsync(person.ChatId, messageId);
        }
        catch (Exception e) when (e is not RecipientBlockedException)
        {
            // The poll may be gone (deleted chat history); the answer is recorded either way.
            log.LogDebug(e, "Could not stop quiz poll {MessageId} in chat {ChatId}", messageId, person.ChatId);
        }
    }

    private string T(Resident person, string key, params object?[] args) => texts.Get(person.Lang, key, args);
}
