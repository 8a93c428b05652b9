using VillageBot.Conversation;

namespace VillageBot.Features.Onboarding;

/// <summary>/lang shows the language buttons.</summary>
public sealed class LangCommand : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args) => ctx.ReplyAsync(ctx.T("language.choose"), OnboardingFlow.LanguagePicker());
}

/// <summary>lang:xx — sets the language; during onboarding it moves on to the village.</summary>
public sealed class LanguageCallback(OnboardingFlow flow) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "lang:…".</summary>
    public const string Prefix = "lang";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var lang = data.Arg(0);
        if (!Languages.IsSupported(lang))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        ctx.Resident.Lang = lang;
        ctx.Resident.LangChosen = true;
        ctx.Save();
        await ctx.AckAsync();
        if (ctx.InDialog(OnboardingFlow.Dialog) && ctx.Resident.Dialog!.Step == OnboardingFlow.StepLanguage)
        {
            await flow.AfterLanguageAsync(ctx);
            return;
        }

        await ctx.EditOrReplyAsync(ctx.T("language.changed"));
    }
}
