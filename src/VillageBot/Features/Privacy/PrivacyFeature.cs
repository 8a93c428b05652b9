using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Privacy;

/// <summary>/mydata: a JSON file with the person's record and every feature's section about them.</summary>
public sealed class MyDataCommand(IEnumerable<IPersonalData> sections, Infrastructure.Storage.IDocumentStore db, ILogger<MyDataCommand> log) : ICommandHandler
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task HandleAsync(BotContext ctx, string args)
    {
        var bytes = Build(ctx, sections, db);
        await ctx.Messenger.SendDocumentAsync(ctx.ChatId, bytes, $"villagebot-my-data-{ctx.Now:yyyy-MM-dd}.json", ctx.T("privacy.mydata.caption"));
        log.LogInformation("Sent a personal data export ({Sections} sections, {Bytes} bytes)", sections.Count(), bytes.Length);
    }

    public static byte[] Build(BotContext ctx, IEnumerable<IPersonalData> sections, Infrastructure.Storage.IDocumentStore db)
    {
        var r = ctx.Resident;
        var villages = db.Villages;
        var export = new JsonObject
        {
            ["generated_at"] = ctx.Now.ToString("O", CultureInfo.InvariantCulture),
            ["about"] = ctx.T("privacy.mydata.about"),
            ["resident"] = JsonSerializer.SerializeToNode(new
            {
                telegram_user_id = r.Id,
                r.ChatId,
                r.FirstName,
                r.Username,
                language = r.Lang,
                village = r.VillageId is int v ? villages.FindById(v)?.Name : null,
                r.PrivacyAcceptedAt,
                r.JoinedAt,
                r.LastSeenAt,
                reachable = r.Active,
                reminders = r.NudgesEnabled,
                coordinator_of = r.CoordinatorOf.Select(id => villages.FindById(id)?.Name ?? id.ToString(CultureInfo.InvariantCulture)),
                open_dialog = r.Dialog?.Name,

                // What an open dialog keeps: the text waiting for "question or problem?" or for "report it instead", a report being written.
                open_dialog_data = r.Dialog?.Data,
            }, Json),
        };
        var data = new JsonObject();
        foreach (var section in sections.OrderBy(s => s.Section, StringComparer.Ordinal))
        {
            data[section.Section] = JsonSerializer.SerializeToNode(section.Export(ctx.UserId), Json);
        }

        export["sections"] = data;
        return JsonSerializer.SerializeToUtf8Bytes(export, Json);
    }
}

/// <summary>/forget asks first; the button erases (forget:yes:&lt;minute asked&gt;) or keeps everything (forget:no).</summary>
public sealed class ForgetCommand : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var asked = ForgetCallback.MinuteOf(ctx.Now);
        return ctx.ReplyAsync(ctx.T("privacy.forget.confirm"), Keyboard.Of(
            [new Button(ctx.T("privacy.forget.yes"), CallbackData.Build(PrivacyFeature.Prefix, "yes", asked))],
            [new Button(ctx.T("privacy.forget.no"), CallbackData.Build(PrivacyFeature.Prefix, "no"))]));
    }
}

public sealed class ForgetCallback(PersonErasure erasure) : ICallbackHandler
{
    /// <summary>A confirmation button older than this is stale: the person should ask again.</summary>
    public static readonly TimeSpan ButtonLifetime = TimeSpan.FromHours(1);

    public async Task HandleAsync(BotContext ctx, CallbackData data)
    {
        switch (data.Arg(0))
        {
            case "no" when data.Args.Count == 1:
                await ctx.AckAsync();
                await ctx.EditOrReplyAsync(ctx.T("privacy.forget.kept"));
                return;
            case "yes" when data.LongArg(1) is long minute && data.Args.Count == 2 && IsFresh(ctx, minute):
                var text = ctx.T("privacy.forget.done");
                await ctx.AckAsync();
                erasure.Erase(ctx.UserId);
                await ctx.EditOrReplyAsync(text);
                return;
            default:
                await ctx.AckAsync(ctx.T("callback.stale"));
                return;
        }
    }

    /// <summary>Compared as minute numbers: a forged minute far outside the calendar is simply not fresh.</summary>
    private static bool IsFresh(BotContext ctx, long minute)
    {
        var now = MinuteOf(ctx.Now);
        return minute <= now + 1 && minute >= now - (long)ButtonLifetime.TotalMinutes;
    }

    public static long MinuteOf(DateTime utc) => ((DateTimeOffset)DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToUnixTimeSeconds() / 60;
}

/// <summary>
/// Erases a person at once: every feature's data first (reports are kept, anonymised), then their record; the data
/// file is compacted later, never while the bot serves (<see cref="DatabaseCompaction"/>).
/// </summary>
public sealed class PersonErasure(IEnumerable<IPersonalData> sections, Infrastructure.Storage.IDocumentStore db, Infrastructure.Telegram.UpdateInbox inbox, Infrastructure.Telegram.UpdateJournal journal, DatabaseCompaction compaction, ILogger<PersonErasure> log)
{
    /// <summary>Collections erased here rather than by a feature: the person's record and their queued updates.</summary>
    public static readonly IReadOnlyList<string> OwnCollections = ["residents", "inbox"];

    public void Erase(long userId)
    {
        var done = 0;
        foreach (var section in sections)
        {
            section.Erase(userId);
            done++;
        }

        db.Residents.Delete(userId);
        inbox.ForgetSender(userId);
        journal.ForgetSender(userId);

        compaction.Request();
        log.LogInformation("A person erased their data ({Sections} sections)", done);
    }
}

public static class PrivacyFeature
{
    public const string Prefix = "forget";

    /// <summary>
    /// The compaction an erasure leaves owed. A host stops its services in the reverse order of their registration, and
    /// the compaction must run once nothing else uses the database (the update lanes, the job workers): so it is
    /// registered right after the store, before them, and a second call (<see cref="AddPrivacy"/>) adds nothing.
    /// </summary>
    public static IServiceCollection AddDatabaseCompaction(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(DatabaseCompaction)))
        {
            return services;
        }

        services.AddSingleton<DatabaseCompaction>();
        services.AddHostedService(sp => sp.GetRequiredService<DatabaseCompaction>());
        return services;
    }

    public static IServiceCollection AddPrivacy(this IServiceCollection services)
    {
        services.AddSingleton<PersonErasure>();
        services.AddDatabaseCompaction();
        return services
            .AddCommand<MyDataCommand>("mydata", Access.Anyone, "cmd.mydata")
            .AddCommand<ForgetCommand>("forget", Access.Anyone, "cmd.forget")
            .AddCallback<ForgetCallback>(Prefix, Access.Anyone);
    }
}
