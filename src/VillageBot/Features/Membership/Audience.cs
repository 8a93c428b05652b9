using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.Membership;

/// <summary>
/// Which villages a person may address (a broadcast, a poll, its results): admins any village, coordinators
/// their own; and the buttons to choose one.
/// </summary>
public sealed class Audience(IDocumentStore db)
{
    /// <summary>The dialog step of choosing the village.</summary>
    public const string PickStep = "village";

    public IReadOnlyList<Village> Villages(BotContext ctx) =>
        [.. (ctx.IsAdmin ? db.Villages.FindAll() : ctx.Resident.CoordinatorOf.Select(id => db.Villages.FindById(id)).OfType<Village>())
            .OrderBy(v => v.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("lv-LV"), true))];

    /// <summary>
    /// The village a dialog addresses: with one the person may address, that one (the caller goes on); with none,
    /// says so; with several, starts <paramref name="dialog"/> at <see cref="PickStep"/> with the picker under
    /// <paramref name="promptKey"/>. Null unless there was just one.
    /// </summary>
    public async Task<Village?> OneOrPickAsync(BotContext ctx, string dialog, string prefix, string promptKey)
    {
        var villages = Villages(ctx);
        if (villages.Count == 0)
        {
            await ctx.ReplyKeyAsync("audience.no_village");
            return null;
        }

        if (villages.Count == 1)
        {
            return villages[0];
        }

        ctx.StartDialog(dialog, PickStep);
        await ctx.ReplyAsync(ctx.T(promptKey), Picker(ctx, prefix, villages));
        return null;
    }

    /// <summary>One button per village ("prefix:v:id"), the person's own village first, and Cancel.</summary>
    public static Keyboard Picker(BotContext ctx, string prefix, IReadOnlyList<Village> villages)
    {
        var ordered = villages.OrderBy(v => v.Id == ctx.Resident.VillageId ? 0 : 1).ToList();
        var keyboard = new Keyboard();
        for (var i = 0; i < ordered.Count; i += 2)
        {
            keyboard.Row([.. ordered.Skip(i).Take(2).Select(v => new Button(v.Name, CallbackData.Build(prefix, "v", v.Id)))]);
        }

        return keyboard.Row(new Button(ctx.T("common.cancel"), CallbackData.Build(prefix, "cancel")));
    }

    /// <summary>The village chosen with a button, if it exists and this person may address it.</summary>
    public Village? Chosen(BotContext ctx, CallbackData data) => data.IntArg(1) is int id ? Managed(ctx, id) : null;

    /// <summary>The village with this id, if it exists and this person may address it.</summary>
    public Village? Managed(BotContext ctx, int id) => db.Villages.FindById(id) is { } v && ctx.MayManage(v.Id) ? v : null;
}
