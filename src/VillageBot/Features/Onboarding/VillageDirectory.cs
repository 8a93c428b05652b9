using System.Globalization;
using VillageBot.Conversation;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Onboarding;

/// <summary>Finds villages by what people type (name or code, with or without diacritics) and lists them as buttons.</summary>
public sealed class VillageDirectory(IDocumentStore db)
{
    public const int PageSize = 8;

    public Village? ByCode(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : db.Villages.FindOne(v => v.Code == code.Trim().ToLowerInvariant());

    public Village? ById(int id) => db.Villages.FindById(id);

    public IReadOnlyList<Village> All() => [.. db.Villages.FindAll().OrderBy(v => v.Name, StringComparer.Create(CultureInfo.GetCultureInfo("lv-LV"), true))];

    public IReadOnlyList<Village> Search(string query)
    {
        var q = Folding.Fold(query.Trim());
        if (q.Length == 0)
        {
            return [];
        }

        var all = All();
        var exact = all.Where(v => v.Code == q || Folding.Fold(v.Name) == q).ToList();
        return exact.Count > 0 ? exact : [.. all.Where(v => Folding.Fold(v.Name).Contains(q, StringComparison.Ordinal) || v.Code.Contains(q, StringComparison.Ordinal))];
    }

    public Keyboard Picker(BotContext ctx, int page, IReadOnlyList<Village>? subset = null)
    {
        var villages = subset ?? All();
        var pages = Math.Max(1, (villages.Count + PageSize - 1) / PageSize);
        page = Math.Clamp(page, 0, pages - 1);
        var keyboard = Keyboard.Column(villages.Skip(page * PageSize).Take(PageSize)
            .Select(v => new Button(v.Municipality is null ? v.Name : $"{v.Name} ({v.Municipality})", CallbackData.Build(VillageCallback.Prefix, "pick", v.Id))));
        var nav = new List<Button>();
        if (page > 0)
        {
            nav.Add(new Button(ctx.T("village.prev_page"), CallbackData.Build(VillageCallback.Prefix, "page", page - 1)));
        }

        if (page < pages - 1)
        {
            nav.Add(new Button(ctx.T("village.next_page"), CallbackData.Build(VillageCallback.Prefix, "page", page + 1)));
        }

        if (nav.Count > 0)
        {
            keyboard.Rows.Add(nav);
        }

        return keyboard;
    }
}
