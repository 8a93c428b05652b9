using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Questions;

/// <summary>Answers a resident's question in the chat (retrieval, or an AI service when configured).</summary>
public interface IQuestionAnswering
{
    /// <summary>
    /// Answers the question; <paramref name="alsoOffer"/> is a button shown under the answer (or under "I don't know").
    /// The id of the knowledge gap logged when it went unanswered, or null.
    /// </summary>
    Task<int?> AnswerInChatAsync(BotContext ctx, string question, Button? alsoOffer = null);

    /// <summary>
    /// The person said the text of the knowledge gap <paramref name="gapId"/> (logged when their text went unanswered)
    /// was a problem report after all: it is no gap in the knowledge base, unless it was already passed to the coordinator.
    /// </summary>
    void TakenAsAReport(BotContext ctx, int gapId);
}
