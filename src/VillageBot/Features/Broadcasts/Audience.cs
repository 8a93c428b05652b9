using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Broadcasts;

/// <summary>Which villages a person may send to: admins any village, coordinators their own.</summary>
public static class Audience
{
    public static IReadOnlyList<Village> Villages(BotContext ctx) =>
        [.. (ctx.IsAdmin ? ctx.Db.Villages.FindAll() : ctx.Resident.CoordinatorOf.Select(id => ctx.Db.Villages.FindById(id)).Where(v => v is not null))
            .OrderBy(v => v.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("lv-LV"), true))];

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

    /// <summary>The village chosen with a button, if it exists and this person may send to it.</summary>
    public static Village? Chosen(BotContext ctx, CallbackData data) =>
        data.IntArg(1) is int id && ctx.Db.Villages.FindById(id) is { } v && ctx.MayManage(v.Id) ? v : null;
}
