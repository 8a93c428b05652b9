using Microsoft.Extensions.Options;
using Telegram.Bot.Types;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.VoiceMessages;

/// <summary>
/// A member's voice message: refused when too long or too large, otherwise downloaded, transcribed in the person's
/// language and shown back ("I heard: …") with go on / type it / cancel. Nothing else changes until the person
/// answers: a dialog under way stays at its step, and a failure only costs a polite reply.
/// </summary>
public sealed class VoiceInput(IOptions<SpeechOptions> options, IOptions<BotOptions> bot, ISpeechToText speech, IChatFiles files, HeardVoices heard, ILogger<VoiceInput> log) : IMessagePreview
{
    /// <summary>"Type it" waits this long for the typed text; a later message is read on its own.</summary>
    public static readonly TimeSpan EditWindow = TimeSpan.FromMinutes(15);

    public async Task<bool> TryHandleAsync(BotContext ctx)
    {
        // Without a speech service a voice message goes on as today: the dialog or the router asks for words.
        if (!options.Value.Enabled)
        {
            return false;
        }

        var message = ctx.Message!;
        if (message.Voice is { } voice)
        {
            await HearAsync(ctx, voice);
            return true;
        }

        if (message.Text is not null && heard.Of(ctx.UserId) is { Editing: true } typed)
        {
            // The typed text replaces what was heard and goes on as typed text does; a command instead leaves
            // the recording behind.
            heard.Drop(ctx.UserId);
            if (!ctx.Text.StartsWith('/') && ctx.Now - typed.HeardAt <= EditWindow)
            {
                ctx.VoiceFileId = typed.FileId;
            }
        }

        return false;
    }

    private async Task HearAsync(BotContext ctx, Voice voice)
    {
        var o = options.Value;
        if (voice.Duration > o.MaxSeconds)
        {
            await ctx.ReplyKeyAsync("voice.too_long", Math.Max(1, o.MaxSeconds / 60));
            return;
        }

        if (voice.FileSize > TelegramFiles.MaxBytes)
        {
            await ctx.ReplyKeyAsync("voice.too_large", TelegramFiles.MaxBytes / (1024 * 1024));
            return;
        }

        await TypingAsync(ctx);
        var audio = await files.DownloadAsync(voice.FileId);
        var text = audio is null ? null : await speech.TranscribeAsync(audio, ctx.Lang, CancellationToken.None);
        if (text is null)
        {
            log.LogInformation("A voice message of {Seconds}s could not be transcribed", voice.Duration);
            await ctx.ReplyKeyAsync("voice.failed");
            return;
        }

        if (text.Count(char.IsLetterOrDigit) < 2)
        {
            await ctx.ReplyKeyAsync("voice.nothing_heard");
            return;
        }

        text = MessageLimits.Clip(text, bot.Value.MaxTextLength);
        heard.Keep(new HeardVoice { UserId = ctx.UserId, FileId = voice.FileId, Text = text, HeardAt = ctx.Now });
        await ctx.ReplyAsync(ctx.T("voice.heard", text), Keyboard.Of(
            [new Button(ctx.T("voice.btn_go"), CallbackData.Build(VoiceCallback.Prefix, VoiceCallback.Go))],
            [new Button(ctx.T("voice.btn_edit"), CallbackData.Build(VoiceCallback.Prefix, VoiceCallback.Edit))],
            [new Button(ctx.T("voice.btn_cancel"), CallbackData.Build(VoiceCallback.Prefix, VoiceCallback.Cancel))]));
    }

    private async Task TypingAsync(BotContext ctx)
    {
        try
        {
            await ctx.Messenger.SendTypingAsync(ctx.ChatId);
        }
        catch (Exception e) when (e is HttpRequestException or global::Telegram.Bot.Exceptions.ApiRequestException)
        {
            log.LogDebug(e, "Typing indicator not sent");
        }
    }
}

/// <summary>voice:go | voice:edit | voice:no — what to do with the text heard in the latest voice message.</summary>
public sealed class VoiceCallback(HeardVoices heard, UpdateRouter router) : ICallbackHandler
{
    public const string Prefix = "voice";
    public const string Go = "go";
    public const string Edit = "edit";
    public const string Cancel = "no";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (heard.Of(ctx.UserId) is not { } h || data.Arg(0) is not (Go or Edit or Cancel))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        await ctx.AckAsync();
        switch (data.Arg(0))
        {
            case Go:
                heard.Drop(ctx.UserId);
                await ctx.EditOrReplyAsync(ctx.T("voice.heard", h.Text));
                await router.RouteHeardAsync(ctx, h.Text, h.FileId);
                return;
            case Edit:
                h.Editing = true;
                h.HeardAt = ctx.Now;
                heard.Keep(h);
                await ctx.EditOrReplyAsync(ctx.T("voice.heard", h.Text) + "\n\n" + ctx.T("voice.type_it"));
                return;
            default:
                heard.Drop(ctx.UserId);
                await ctx.EditOrReplyAsync(ctx.T("voice.cancelled"));
                return;
        }
    }
}
