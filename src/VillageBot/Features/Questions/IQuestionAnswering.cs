using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Questions;

/// <summary>Answers a resident's question in the chat (retrieval, or an AI service when configured).</summary>
public interface IQuestionAnswering
{
    /// <summary>Answers the question; <paramref name="alsoOffer"/> is a button shown under the answer (or under "I don't know").</summary>
    Task AnswerInChatAsync(BotContext ctx, string question, Button? alsoOffer = null);

    /// <summary>
    /// The person said a text answered as a question was a problem report after all: if it went unanswered, it is no
    /// gap in the knowledge base (unless it was already passed to the coordinator).
    /// </summary>
    void TakenAsAReport(BotContext ctx, string question);
}
