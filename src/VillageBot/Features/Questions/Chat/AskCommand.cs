using Microsoft.Extensions.Options;
using VillageBot.Conversation;

namespace VillageBot.Features.Questions.Chat;

/// <summary>/ask question — answers it; /ask alone asks for the question first.</summary>
public sealed class AskCommand(IQuestionAnswering answering, IOptions<BotOptions> options) : ICommandHandler
{
    public const string Dialog = "ask";

    public async Task HandleAsync(BotContext ctx, string args)
    {
        if (args.Length == 0)
        {
            ctx.StartDialog(Dialog, "question");
            await ctx.ReplyKeyAsync("questions.ask_prompt");
            return;
        }

        var max = options.Value.MaxTextLength;
        await answering.AnswerInChatAsync(ctx, args.Length > max ? args[..max] : args);
    }
}

/// <summary>The message after a bare /ask is the question; anything but words is asked again.</summary>
public sealed class AskDialog(IQuestionAnswering answering) : IDialogHandler
{
    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        if (ctx.Message?.Text is null)
        {
            await ctx.ReplyKeyAsync("input.text_expected");
            return;
        }

        if (!QuestionsInChat.LooksLikeWords(ctx.Text))
        {
            await ctx.ReplyKeyAsync("questions.too_short");
            return;
        }

        ctx.EndDialog();
        await answering.AnswerInChatAsync(ctx, ctx.Text);
    }
}
