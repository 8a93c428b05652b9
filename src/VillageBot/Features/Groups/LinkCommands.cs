using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.Groups;

/// <summary>
/// /link in a group: a coordinator of a village (or an admin) who also runs the group links it to the village —
/// choosing the village when they coordinate several, then the group's language — and the bot confirms in the
/// group. Buttons are "gl:v:village" and "gl:l:village:lang"; whoever presses must be allowed too.
/// </summary>
public sealed class LinkCommand(GroupLinks links, IGroupChats chats, IDocumentStore db, BotStatus status, ILogger<LinkCommand> log) : IGroupCommandHandler, IGroupCallbackHandler
{
    public const string Prefix = "gl";

    public async Task HandleAsync(GroupContext ctx, string args)
    {
        if (await RefusalAsync(ctx) is { } refusal)
        {
            await ctx.ReplyKeyAsync(refusal);
            return;
        }

        var villages = Managed(ctx);
        if (villages.Count == 1)
        {
            await ctx.ReplyAsync(ctx.T("group.choose_lang", villages[0].Name), LanguageButtons(villages[0].Id));
            return;
        }

        var keyboard = Keyboard.Column(villages.Select(v => new Button(v.Name, CallbackData.Build(Prefix, "v", v.Id))));
        await ctx.ReplyAsync(ctx.T("group.choose_village"), keyboard);
    }

    public async Task HandleAsync(GroupContext ctx, CallbackData data)
    {
        var village = data.IntArg(1) is int id ? db.Villages.FindById(id) : null;
        if (village is null || !ctx.MayManage(village.Id) || await RefusalAsync(ctx) is not null)
        {
            await ctx.AckAsync(ctx.T("group.link_not_yours"), alert: true);
            return;
        }

        switch (data.Arg(0))
        {
            case "v":
                await ctx.AckAsync();
                await ctx.ReplyAsync(ctx.T("group.choose_lang", village.Name), LanguageButtons(village.Id));
                return;
            case "l" when Languages.IsSupported(data.Arg(2)):
                await ctx.AckAsync();
                await LinkAsync(ctx, village, data.Arg(2));
                return;
        }

        await ctx.AckAsync(ctx.T("callback.stale"));
    }

    /// <summary>Links, or (already linked to this village) only changes the group's language.</summary>
    private async Task LinkAsync(GroupContext ctx, Village village, string lang)
    {
        var title = ctx.Callback?.Message?.Chat.Title;
        if (links.Find(ctx.ChatId) is { } current && current.VillageId == village.Id)
        {
            links.SetLang(ctx.ChatId, lang);
        }
        else
        {
            var replaced = links.Link(new GroupLink { Id = ctx.ChatId, VillageId = village.Id, Lang = lang, Title = title, LinkedBy = ctx.From.Id, LinkedAt = ctx.Now });
            log.LogInformation("Group {Chat} linked to village {Village}{Replaced}", ctx.ChatId, village.Id, replaced is null ? "" : $" (instead of group {replaced.Id})");
        }

        await ctx.ReplyAsync(ctx.Texts.Get(lang, "group.linked", village.Name, status.BotUsername ?? ""));
    }

    /// <summary>Why this person may not link the group, or null if they may.</summary>
    private async Task<string?> RefusalAsync(GroupContext ctx)
    {
        if (Managed(ctx).Count == 0)
        {
            return "group.link_coordinators_only";
        }

        return await chats.IsAdministratorAsync(ctx.ChatId, ctx.From.Id) ? null : "group.link_group_admins_only";
    }

    private List<Village> Managed(GroupContext ctx) =>
        [.. (ctx.IsAdmin ? db.Villages.FindAll() : (ctx.Resident?.CoordinatorOf ?? []).Select(id => db.Villages.FindById(id)).OfType<Village>()).OrderBy(v => v.Name, StringComparer.Ordinal)];

    public static Keyboard LanguageButtons(int villageId) => Keyboard.Of(
        [.. Languages.All.Select(l => new Button(LanguageNames[l], CallbackData.Build(Prefix, "l", villageId, l)))]);

    private static readonly Dictionary<string, string> LanguageNames = new() { ["lv"] = "🇱🇻 Latviešu", ["en"] = "🇬🇧 English", ["ru"] = "🇷🇺 Русский" };
}

/// <summary>/lang in a linked group: its coordinator chooses the language the bot speaks there.</summary>
public sealed class GroupLangCommand : IGroupCommandHandler
{
    public async Task HandleAsync(GroupContext ctx, string args)
    {
        if (await ctx.ManagedLinkAsync() is not { } link)
        {
            return;
        }

        await ctx.ReplyAsync(ctx.T("group.choose_lang_again"), LinkCommand.LanguageButtons(link.VillageId));
    }
}

/// <summary>/unlink in a linked group: its coordinator undoes the link (removing the bot from the group does too).</summary>
public sealed class UnlinkCommand(GroupLinks links) : IGroupCommandHandler
{
    public async Task HandleAsync(GroupContext ctx, string args)
    {
        if (await ctx.ManagedLinkAsync() is null)
        {
            return;
        }

        links.Unlink(ctx.ChatId);
        await ctx.ReplyKeyAsync("group.unlinked");
    }
}

/// <summary>
/// /digest on|off in a linked group: its coordinator chooses whether the village's monthly digest is posted there
/// (offered when the group is linked). Without a choice it says which is in force.
/// </summary>
public sealed class GroupDigestCommand(GroupLinks links, BotStatus status) : IGroupCommandHandler
{
    private static readonly string[] On = ["on", "ieslēgt", "вкл"];
    private static readonly string[] Off = ["off", "izslēgt", "выкл"];

    public async Task HandleAsync(GroupContext ctx, string args)
    {
        if (await ctx.ManagedLinkAsync() is not { } link)
        {
            return;
        }

        var bot = status.BotUsername ?? "";
        var choice = args.Trim().ToLowerInvariant();
        if (!On.Contains(choice) && !Off.Contains(choice))
        {
            await ctx.ReplyKeyAsync(link.PostsDigest ? "group.digest_is_on" : "group.digest_is_off", bot);
            return;
        }

        var posts = On.Contains(choice);
        links.SetPostsDigest(ctx.ChatId, posts);
        await ctx.ReplyKeyAsync(posts ? "group.digest_on" : "group.digest_off", bot);
    }
}
