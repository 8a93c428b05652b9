using System.Globalization;
using System.Reflection;
using System.Text.Json;
using VillageBot.Conversation;

namespace VillageBot.Infrastructure.Localization;

/// <summary>
/// Every user-facing text, in lv, en and ru. Each feature keeps its texts beside its code in a
/// <c>*.texts.json</c> file (embedded), shaped <c>{ "key": { "lv": "...", "en": "...", "ru": "..." } }</c>.
/// </summary>
public sealed class Texts
{
    private readonly Dictionary<string, Dictionary<string, string>> _texts;

    public Texts() : this(typeof(Texts).Assembly)
    {
    }

    public Texts(Assembly assembly)
    {
        _texts = new(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".texts.json", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, string>>>(stream)
                ?? throw new InvalidOperationException($"Text resource {name} is empty.");
            foreach (var (key, byLang) in file)
            {
                if (!_texts.TryAdd(key, byLang))
                {
                    throw new InvalidOperationException($"Text key '{key}' is defined twice (again in {name}).");
                }
            }
        }
    }

    public IReadOnlyDictionary<string, Dictionary<string, string>> All => _texts;

    public bool Has(string key) => _texts.ContainsKey(key);

    public string Get(string lang, string key, params object?[] args)
    {
        if (!_texts.TryGetValue(key, out var byLang))
        {
            throw new KeyNotFoundException($"No text '{key}'.");
        }

        if (!byLang.TryGetValue(lang, out var text) || string.IsNullOrEmpty(text))
        {
            text = byLang[Languages.Default];
        }

        return args.Length == 0 ? text : string.Format(CultureFor(lang), text, args);
    }

    public static CultureInfo CultureFor(string lang) => lang switch
    {
        "en" => CultureInfo.GetCultureInfo("en-GB"),
        "ru" => CultureInfo.GetCultureInfo("ru-RU"),
        _ => CultureInfo.GetCultureInfo("lv-LV"),
    };
}
