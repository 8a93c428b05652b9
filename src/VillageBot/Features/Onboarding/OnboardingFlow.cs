using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Open311;
using VillageBot.Features.Privacy;
using VillageBot.Features.PublicPage;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Onboarding;

/// <summary>The steps of joining: language → village → privacy notice. Each step is stored, so a restart resumes it.</summary>
public sealed partial class OnboardingFlow(VillageDirectory villages, IOptions<Open311Options> open311, IOptions<PublicPageOptions> publicPage, PersonErasure erasure)
{
    public const string Dialog = "onboarding";
    public const string SwitchDialog = "village";
    public const string StepLanguage = "lang";
    public const string StepVillage = "village";
    public const string StepPrivacy = "privacy";

    public static Keyboard LanguagePicker() => Keyboard.Of(
        [new Button("🇱🇻 Latviešu", CallbackData.Build(LanguageCallback.Prefix, "lv"))],
        [new Button("🇬🇧 English", CallbackData.Build(LanguageCallback.Prefix, "en"))],
        [new Button("🇷🇺 Русский", CallbackData.Build(LanguageCallback.Prefix, "ru"))]);

    /// <summary>A deep-link payload is a village code: letters, digits, '_' and '-' (Telegram allows no more).</summary>
    public static string? CleanCode(string? payload) =>
        payload is not null && CodePattern().IsMatch(payload.Trim()) ? payload.Trim().ToLowerInvariant() : null;

    public async Task BeginAsync(BotContext ctx, string? code)
    {
        var data = new Dictionary<string, string>();
        if (CleanCode(code) is { } c)
        {
            data["code"] = c;
        }

        ctx.StartDialog(Dialog, StepLanguage, data);
        await ctx.ReplyAsync(ctx.T("onboarding.choose_language"), LanguagePicker());
    }

    /// <summary>After the language: join the deep-linked village, or ask which one.</summary>
    public async Task AfterLanguageAsync(BotContext ctx)
    {
        if (villages.ByCode(ctx.Resident.Dialog?.Get("code")) is { } village)
        {
            await AskPrivacyAsync(ctx, village, edit: true);
            return;
        }

        ctx.SetStep(StepVillage);
        await AskVillageAsync(ctx, edit: true);
    }

    public async Task AskVillageAsync(BotContext ctx, bool edit)
    {
        if (villages.All().Count == 0)
        {
            await ctx.ReplyKeyAsync("onboarding.no_villages");
            return;
        }

        var text = ctx.InDialog(SwitchDialog) ? ctx.T("village.switch_prompt", ctx.Village?.Name ?? "—") : ctx.T("onboarding.choose_village");
        if (edit)
        {
            await ctx.EditOrReplyAsync(text, villages.Picker(ctx, 0));
        }
        else
        {
            await ctx.ReplyAsync(text, villages.Picker(ctx, 0));
        }
    }

    public async Task AskPrivacyAsync(BotContext ctx, Conversation.Village village, bool edit)
    {
        ctx.Resident.VillageId = village.Id;
        ctx.SetStep(StepPrivacy);
        var text = PrivacyNotice(ctx, village);
        var keyboard = Keyboard.Of(
            [new Button(ctx.T("onboarding.privacy_agree"), CallbackData.Build(PrivacyCallback.Prefix, "ok"))],
            [new Button(ctx.T("onboarding.privacy_decline"), CallbackData.Build(PrivacyCallback.Prefix, "no"))]);
        if (edit)
        {
            await ctx.EditOrReplyAsync(text, keyboard);
        }
        else
        {
            await ctx.ReplyAsync(text, keyboard);
        }
    }

    /// <summary>A village was chosen, by button or by typing: continue onboarding, or finish a switch.</summary>
    public async Task VillageChosenAsync(BotContext ctx, Conversation.Village village, bool edit)
    {
        if (ctx.InDialog(Dialog))
        {
            await AskPrivacyAsync(ctx, village, edit);
            return;
        }

        ctx.Resident.VillageId = village.Id;
        ctx.EndDialog();
        var text = ctx.T("onboarding.switched_village", village.Name);
        if (edit)
        {
            await ctx.EditOrReplyAsync(text);
        }
        else
        {
            await ctx.ReplyAsync(text);
        }
    }

    /// <summary>
    /// The notice; when Open311 reading is public it also says what of a report is published, and when the village's
    /// public page is on, what that page shows.
    /// </summary>
    public string PrivacyNotice(BotContext ctx, Conversation.Village village)
    {
        var text = ctx.T("onboarding.privacy", village.Name);
        var published = new List<string>();
        if (open311.Value.PublicRead)
        {
            published.Add(ctx.T("onboarding.privacy_published"));
        }

        if (village.PublicPage)
        {
            published.Add(ctx.T("onboarding.privacy_public_page", publicPage.Value.MinPeople));
        }

        if (published.Count == 0)
        {
            return text;
        }

        var question = text.LastIndexOf("\n\n", StringComparison.Ordinal);
        return string.Concat(text.AsSpan(0, question), "\n\n", string.Join("\n\n", published), text.AsSpan(question));
    }

    public async Task CompleteAsync(BotContext ctx)
    {
        ctx.Resident.PrivacyAcceptedAt = ctx.Now;
        ctx.EndDialog();
        await ctx.EditOrReplyAsync(ctx.T("onboarding.privacy", ctx.Village?.Name ?? "—").Split("\n\n")[0] + " ✅");
        await ctx.ReplyKeyAsync("onboarding.welcome", ctx.Village?.Name ?? "");
    }

    /// <summary>
    /// "No" to the notice: the record kept only to carry the person through joining (and anything else of theirs)
    /// is erased, and they hear what the bot cannot do without consent and how to change their mind.
    /// </summary>
    public async Task DeclineAsync(BotContext ctx)
    {
        var text = ctx.T("onboarding.privacy_declined");
        erasure.Erase(ctx.UserId);
        // No EndDialog here: it would write the record back.
        await ctx.EditOrReplyAsync(text);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex CodePattern();
}
