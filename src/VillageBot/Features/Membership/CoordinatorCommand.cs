using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Membership;

/// <summary>/promote and /demote: make a person a village's coordinator, or stop them being one.</summary>
public sealed class CoordinatorCommand(IDocumentStore db, bool promote) : ICommandHandler
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
            village = db.Villages.FindOne(v => v.Code == code);
            if (village is null)
            {
                await ctx.ReplyKeyAsync("promote.unknown_village", parts[1]);
                return;
            }
        }
        else if (person.VillageId is int vid && db.Villages.FindById(vid) is { } own)
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

        db.Residents.Update(person);
        if (person.Id == ctx.UserId)
        {
            ctx.Resident.CoordinatorOf = person.CoordinatorOf;
        }

        await ctx.ReplyKeyAsync(promote ? "promote.done" : "demote.done", name, village.Name);
        await ctx.Messenger.SendTextAsync(person.ChatId, ctx.Texts.Get(person.Lang, promote ? "promote.notify" : "demote.notify", village.Name));
    }

    private Resident? FindPerson(BotContext ctx, string who)
    {
        if (long.TryParse(who, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return db.Residents.FindById(id);
        }

        var username = who.TrimStart('@');
        return username.Length == 0 ? null : db.Residents.FindOne(r => r.Username == username);
    }
}

/// <summary>/promote person [village-code].</summary>
public sealed class PromoteCommand(IDocumentStore db) : ICommandHandler
{
    private readonly CoordinatorCommand _inner = new(db, promote: true);

    public Task HandleAsync(BotContext ctx, string args) => _inner.HandleAsync(ctx, args);
}

/// <summary>/demote person [village-code].</summary>
public sealed class DemoteCommand(IDocumentStore db) : ICommandHandler
{
    private readonly CoordinatorCommand _inner = new(db, promote: false);

    public Task HandleAsync(BotContext ctx, string args) => _inner.HandleAsync(ctx, args);
}
