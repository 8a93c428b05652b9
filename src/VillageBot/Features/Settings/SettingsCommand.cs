using VillageBot.Conversation;
using VillageBot.Features.Onboarding;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Settings;

/// <summary>/settings: language, village and whether the bot may send reminders.</summary>
public sealed class SettingsCommand : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args) => ctx.ReplyAsync(Text(ctx), Buttons(ctx));

    public static string Text(BotContext ctx) =>
        ctx.T("settings.text", ctx.T("language.name"), ctx.Village?.Name ?? "—", ctx.T(ctx.Resident.NudgesEnabled ? "common.on" : "common.off"));

    public static Keyboard Buttons(BotContext ctx) => Keyboard.Of(
        [new Button(ctx.T("settings.language"), "set:lang"), new Button(ctx.T("settings.village"), "set:village")],
        [new Button(ctx.T(ctx.Resident.NudgesEnabled ? "settings.nudges_off" : "settings.nudges_on"), CallbackData.Build(SettingsCallback.Prefix, "nudges"))],
        [new Button(ctx.T(ctx.Resident.DigestAlways ? "settings.digest_always" : "settings.digest_taking_part"), CallbackData.Build(SettingsCallback.Prefix, "digest"))]);
}

/// <summary>set:lang | set:village | set:nudges | set:digest.</summary>
public sealed class SettingsCallback(OnboardingFlow flow) : ICallbackHandler
{
    /// <summary>Callback data of its buttons: "set:…".</summary>
    public const string Prefix = "set";

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        switch (data.Arg(0))
        {
            case "lang":
                await ctx.AckAsync();
                await ctx.ReplyAsync(ctx.T("language.choose"), OnboardingFlow.LanguagePicker());
                return;
            case "village":
                await ctx.AckAsync();
                ctx.StartDialog(OnboardingFlow.SwitchDialog, OnboardingFlow.StepVillage);
                await flow.AskVillageAsync(ctx, edit: false);
                return;
            case "nudges" or "digest":
                if (data.Arg(0) == "nudges")
                {
                    ctx.Resident.NudgesEnabled = !ctx.Resident.NudgesEnabled;
                }
                else
                {
                    ctx.Resident.DigestAlways = !ctx.Resident.DigestAlways;
                }

                ctx.Save();
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(SettingsCommand.Text(ctx), SettingsCommand.Buttons(ctx));
                return;
            default:
                await ctx.AckAsync(ctx.T("callback.stale"));
                return;
        }
    }
}
