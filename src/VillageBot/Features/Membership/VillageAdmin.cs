using System.Text;
using System.Text.RegularExpressions;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Features.Membership;

/// <summary>/villages — every village with its code, join link and number of residents.</summary>
public sealed class VillagesCommand(BotStatus status) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var villages = ctx.Db.Villages.FindAll().OrderBy(v => v.Name).ToList();
        if (villages.Count == 0)
        {
            return ctx.ReplyKeyAsync("villages.none");
        }

        var text = new StringBuilder();
        foreach (var v in villages)
        {
            text.Append(ctx.T("villages.list_item", v.Name, v.Code, ctx.Db.Residents.Count(r => r.VillageId == v.Id)));
            if (status.DeepLink(v.Code) is { } link)
            {
                text.Append("\n  ").Append(link);
            }

            text.Append('\n');
        }

        return ctx.ReplyAsync(text.ToString());
    }
}

/// <summary>/addvillage code Name.</summary>
public sealed partial class AddVillageCommand(BotStatus status) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args)
    {
        var parts = args.Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length != 2 || !CodePattern().IsMatch(parts[0]) || parts[1].Length is < 2 or > 80)
        {
            await ctx.ReplyKeyAsync("addvillage.usage");
            return;
        }

        var code = parts[0].ToLowerInvariant();
        if (ctx.Db.Villages.Exists(v => v.Code == code))
        {
            await ctx.ReplyKeyAsync("addvillage.exists", code);
            return;
        }

        ctx.Db.Villages.Insert(new Village { Code = code, Name = parts[1], CreatedAt = ctx.Now });
        var reply = ctx.T("addvillage.done", parts[1], code);
        if (status.DeepLink(code) is { } link)
        {
            reply += "\n" + ctx.T("addvillage.link", link);
        }

        await ctx.ReplyAsync(reply);
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{2,32}$")]
    private static partial Regex CodePattern();
}

/// <summary>/promote and /demote: make a person a village's coordinator, or stop them being one.</summary>
public sealed class CoordinatorCommand(bool promote) : ICommandHandler
{
    public async Task HandleAsync(BotContext ctx, string args)
    {
        var parts = args.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length is < 1 or > 2)
        {
            await ctx.ReplyKeyAsync("promote.usage");
            return;
        }

        var person = FindPerson(ctx, parts[0]);
        if (person is null)
        {
            await ctx.ReplyKeyAsync("promote.unknown_person", parts[0]);
            return;
        }

        Village? village;
        if (parts.Length == 2)
        {
            var code = parts[1].ToLowerInvariant();
            village = ctx.Db.Villages.FindOne(v => v.Code == code);
            if (village is null)
            {
                await ctx.ReplyKeyAsync("promote.unknown_village", parts[1]);
                return;
            }
        }
        else if (person.VillageId is int vid && ctx.Db.Villages.FindById(vid) is { } own)
        {
            village = own;
        }
        else
        {
            await ctx.ReplyKeyAsync("promote.no_village");
            return;
        }

        var name = person.FirstName ?? person.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (promote)
        {
            if (person.CoordinatorOf.Contains(village.Id))
            {
                await ctx.ReplyKeyAsync("promote.already", name, village.Name);
                return;
            }

            person.CoordinatorOf.Add(village.Id);
        }
        else
        {
            if (!person.CoordinatorOf.Remove(village.Id))
            {
                await ctx.ReplyKeyAsync("demote.not_coordinator", name, village.Name);
                return;
            }
        }

        ctx.Db.Residents.Update(person);
        if (person.Id == ctx.UserId)
        {
            ctx.Resident.CoordinatorOf = person.CoordinatorOf;
        }

        await ctx.ReplyKeyAsync(promote ? "promote.done" : "demote.done", name, village.Name);
        await ctx.Messenger.SendTextAsync(person.ChatId, ctx.Texts.Get(person.Lang, promote ? "promote.notify" : "demote.notify", village.Name));
    }

    private static Resident? FindPerson(BotContext ctx, string who)
    {
        if (long.TryParse(who, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return ctx.Db.Residents.FindById(id);
        }

        var username = who.TrimStart('@');
        return username.Length == 0 ? null : ctx.Db.Residents.FindOne(r => r.Username == username);
    }
}

public sealed class PromoteCommand() : ICommandHandler
{
    private readonly CoordinatorCommand _inner = new(promote: true);

    public Task HandleAsync(BotContext ctx, string args) => _inner.HandleAsync(ctx, args);
}

public sealed class DemoteCommand() : ICommandHandler
{
    private readonly CoordinatorCommand _inner = new(promote: false);

    public Task HandleAsync(BotContext ctx, string args) => _inner.HandleAsync(ctx, args);
}

/// <summary>/coordinators — who coordinates which village.</summary>
public sealed class CoordinatorsCommand : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var villages = ctx.Db.Villages.FindAll().ToDictionary(v => v.Id, v => v.Name);
        var lines = ctx.Db.Residents.FindAll().Where(r => r.CoordinatorOf.Count > 0)
            .SelectMany(r => r.CoordinatorOf.Select(v => (Village: villages.GetValueOrDefault(v, "?"), Person: r)))
            .OrderBy(x => x.Village)
            .Select(x => ctx.T("coordinators.item", x.Village, x.Person.FirstName ?? "—", x.Person.Id))
            .ToList();
        return ctx.ReplyAsync(lines.Count == 0 ? ctx.T("coordinators.none") : string.Join('\n', lines));
    }
}
