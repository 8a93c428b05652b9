using VillageBot.Conversation;

namespace VillageBot.Features.Onboarding;

/// <summary>/village — switch to another village.</summary>
public sealed class VillageCommand(OnboardingFlow flow) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args)
    {
        ctx.StartDialog(OnboardingFlow.SwitchDialog, OnboardingFlow.StepVillage);
        await flow.AskVillageAsync(ctx, edit: false);
    }
}

/// <summary>vil:pick:id and vil:page:n — only while choosing a village.</summary>
public sealed class VillageCallback(OnboardingFlow flow, VillageDirectory villages) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "vil:…".</summary>
    public const string Prefix = "vil";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        var choosing = ctx.Resident.Dialog is { Step: OnboardingFlow.StepVillage } d && d.Name is OnboardingFlow.Dialog or OnboardingFlow.SwitchDialog;
        if (!choosing)
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        switch (data.Arg(0))
        {
            case "pick" when data.IntArg(1) is int id && villages.ById(id) is { } village:
                await ctx.AckAsync();
                await flow.VillageChosenAsync(ctx, village, edit: true);
                return;
            case "page" when data.IntArg(1) is int page:
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.Callback?.Message?.Text ?? ctx.T("onboarding.choose_village"), villages.Picker(ctx, page));
                return;
            default:
                await ctx.AckAsync(ctx.T("callback.stale"));
                return;
        }
    }
}

/// <summary>Text typed while joining or switching: the language and privacy steps want buttons, the village step a name.</summary>
public sealed class OnboardingDialogHandler(OnboardingFlow flow, VillageDirectory villages) : IDialogHandler
{
    public async Task HandleAsync(BotContext ctx, DialogState state)
    {
        switch (state.Step)
        {
            case OnboardingFlow.StepLanguage:
                await ctx.ReplyAsync(ctx.T("onboarding.language_buttons_only"), OnboardingFlow.LanguagePicker());
                return;
            case OnboardingFlow.StepPrivacy:
                await ctx.ReplyKeyAsync("onboarding.privacy_buttons_only");
                return;
        }

        if (ctx.Message?.Text is null || ctx.Text.Length == 0)
        {
            await ctx.ReplyKeyAsync("onboarding.village_text_expected");
            return;
        }

        var found = villages.Search(ctx.Text);
        switch (found.Count)
        {
            case 1:
                await flow.VillageChosenAsync(ctx, found[0], edit: false);
                return;
            case 0:
                await ctx.ReplyAsync(ctx.T("onboarding.village_not_found", ctx.Text.Length > 60 ? ctx.Text[..60] + "…" : ctx.Text), villages.Picker(ctx, 0));
                return;
            default:
                await ctx.ReplyAsync(ctx.T("onboarding.village_several"), villages.Picker(ctx, 0, found));
                return;
        }
    }
}

/// <summary>privacy:ok — the last step of joining; privacy:no — joining ends and nothing is kept.</summary>
public sealed class PrivacyCallback(OnboardingFlow flow) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "privacy:…".</summary>
    public const string Prefix = "privacy";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        if (!(ctx.InDialog(OnboardingFlow.Dialog) && ctx.Resident.Dialog!.Step == OnboardingFlow.StepPrivacy && ctx.Resident.VillageId is not null))
        {
            await ctx.AckAsync(ctx.T("callback.stale"));
            return;
        }

        await ctx.AckAsync();
        if (data.Arg(0) == "no")
        {
            await flow.DeclineAsync(ctx);
            return;
        }

        await flow.CompleteAsync(ctx);
    }
}
