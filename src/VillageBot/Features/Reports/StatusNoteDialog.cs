using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Reports;

/// <summary>The note typed as a message.</summary>
public sealed class StatusNoteDialog(StatusNote note) : IDialogHandler
{
    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        if (ctx.Message?.Text is null || ctx.Text.Length == 0)
        {
            await ctx.ReplyKeyAsync("reports.note_text_expected");
            return;
        }

        await note.ApplyAsync(ctx, MessageLimits.Clip(ctx.Text, StatusNote.MaxLength));
    }
}
