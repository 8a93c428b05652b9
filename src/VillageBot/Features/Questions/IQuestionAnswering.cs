using VillageBot.Conversation;

namespace VillageBot.Features.Questions;

/// <summary>Answers a resident's question in the chat (retrieval, or an AI service when configured).</summary>
public interface IQuestionAnswering
{
    Task AnswerInChatAsync(BotContext ctx, string question);
}
