using VillageBot.Conversation;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Membership;

/// <summary>/coordinators — who coordinates which village.</summary>
public sealed class CoordinatorsCommand(IDocumentStore db) : ICommandHandler
{
    public Task HandleAsync(BotContext ctx, string args)
    {
        var villages = db.Villages.FindAll().ToDictionary(v => v.Id, v => v.Name);
        var lines = db.Coordinators()
            .SelectMany(r => r.CoordinatorOf.Select(v => (Village: villages.GetValueOrDefault(v, "?"), Person: r)))
            .OrderBy(x => x.Village)
            .Select(x => ctx.T("coordinators.item", x.Village, x.Person.FirstName ?? "—", x.Person.Id))
            .ToList();
        return ctx.ReplyAsync(lines.Count == 0 ? ctx.T("coordinators.none") : string.Join('\n', lines));
    }
}
