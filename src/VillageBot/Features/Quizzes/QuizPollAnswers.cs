using Telegram.Bot.Types;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Quizzes;

/// <summary>
/// Votes on quiz polls. Only the poll of the question on screen now counts, and only from the person it was
/// sent to; votes on older polls (a question sent again, an earlier attempt) and taken-back votes are ignored.
/// </summary>
public sealed class QuizPollAnswers(QuizCatalog catalog, QuizStore store, QuizRunner runner, Db db, ILogger<QuizPollAnswers> log)
    : VillageBot.Conversation.IPollAnswerHandler
{
    public async Task HandleAsync(PollAnswer answer, CancellationToken ct)
    {
        var progress = store.ByPoll(answer.PollId);
        if (progress is null)
        {
            return;
        }

        var module = catalog.Find(progress.ModuleId);
        var person = db.Residents.FindById(progress.UserId);
        if (answer.User?.Id != progress.UserId || module is null || person is null || !person.IsMember
            || !progress.InProgress || progress.Current >= module.Items.Count
            || answer.OptionIds is not [var option] || option < 0 || option >= module.Items[progress.Current].OptionCount)
        {
            log.LogDebug("Ignored a vote on quiz poll {PollId} that does not count", answer.PollId);
            return;
        }

        await runner.AnswerAsync(person, module, progress, option);
    }
}
