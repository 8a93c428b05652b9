using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.Broadcasts;
using VillageBot.Features.Polls;
using VillageBot.Features.Sending;
using Texts = VillageBot.Infrastructure.Localization.Texts;

namespace VillageBot.Tests.Localization;

/// <summary>What a resident reads once the values are in: one full stop, the same placeholders in every language.</summary>
public sealed partial class TextPunctuationTests
{
    private static readonly Texts All = new();

    /// <summary>Texts that take a date and time from <see cref="SendTime.Format"/> ("18:30 07.12." — it ends in a dot), by placeholder.</summary>
    private static readonly (string Key, int Index)[] DateAt =
    [
        ("poll.vote_counted", 1), ("poll.vote_withdrawn", 0), ("poll.closes_at", 0), ("poll.preview_closes", 0),
        ("results.scheduled", 0), ("results.open_until", 0), ("results.closed", 0), ("sendtime.when_at", 0), ("sendtime.bad", 0),
        ("broadcast.scheduled", 1), ("quiz.share.scheduled", 3), ("poll.remind", 1),
    ];

    /// <summary>Texts that take a duration from <see cref="PollDuration.Format"/>, or a text that itself may end in a dot.</summary>
    private static readonly (string Key, int Index)[] DurationAt = [("poll.close_chosen", 0), ("poll.preview_closes", 1)];

    private static readonly (string Key, int Index, string Inner)[] TextAt =
    [
        ("broadcast.preview", 2, "sendtime.when_at"), ("poll.preview_recipients", 1, "sendtime.when_at"),
        ("broadcast.preview", 2, "sendtime.when_now"), ("poll.preview_recipients", 1, "sendtime.when_now"),
    ];

    public static TheoryData<string> Languages_() => new(Languages.All);

    [Theory]
    [MemberData(nameof(Languages_))]
    public void No_text_has_two_sentence_stops_once_typical_values_are_in(string lang)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(new BotOptions().TimeZone);
        var sendTime = new SendTime(zone, Options.Create(new BroadcastOptions()), new QuietHours(Options.Create(new QuietHoursOptions()), zone));
        var date = sendTime.Format(new DateTime(2025, 12, 7, 16, 30, 0, DateTimeKind.Utc));
        Assert.EndsWith(".", date);
        var durations = new[] { 5, 45, 60, 120, 1440, 4320, 10080, 20160, 30240 }.Select(m => PollDuration.Format(TimeSpan.FromMinutes(m), lang, All)).ToList();

        var problems = new List<string>();
        foreach (var (key, byLang) in All.All)
        {
            var template = byLang[lang];
            var variants = new List<object?[]> { Typical(template) };
            variants.AddRange(DateAt.Where(d => d.Key == key).Select(d => With(template, d.Index, date)));
            variants.AddRange(DurationAt.Where(d => d.Key == key).SelectMany(d => durations.Select(v => With(template, d.Index, v))));
            variants.AddRange(TextAt.Where(d => d.Key == key).Select(d => With(template, d.Index, All.Get(lang, d.Inner, date))));
            foreach (var args in variants)
            {
                var text = All.Get(lang, key, args);
                if (DoubleStop().Match(text) is { Success: true } m)
                {
                    problems.Add($"{key} ({lang}): …{text[Math.Max(0, m.Index - 20)..Math.Min(text.Length, m.Index + 10)]}…");
                }
            }
        }

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void Every_language_of_a_key_has_the_same_placeholders()
    {
        var problems = All.All
            .Where(t => Languages.All.Select(l => string.Join(' ', Placeholders().Matches(t.Value[l]).Select(m => m.Value).Order(StringComparer.Ordinal))).Distinct().Count() > 1)
            .Select(t => t.Key)
            .ToList();
        Assert.True(problems.Count == 0, "placeholders differ between languages: " + string.Join(", ", problems));
    }

    [Fact]
    public void The_check_finds_a_double_stop_and_differing_placeholders()
    {
        Assert.Matches(DoubleStop(), string.Format(CultureInfo.InvariantCulture, "Atvērta: {0}.", "3 d."));
        Assert.DoesNotMatch(DoubleStop(), "Gaidiet… Un vēl {0}. Labi?!".Replace("{0}", "3", StringComparison.Ordinal));
        Assert.Equal(["{0}", "{name}", "{2:0.0}"], Placeholders().Matches("{0} un {name} ({2:0.0} s)").Select(m => m.Value));
    }

    /// <summary>A number, a village name or a report number for each placeholder; a date where the text formats one.</summary>
    private static object?[] Typical(string template)
    {
        var specs = Regex.Matches(template, @"\{(\d+)(:[^}]*)?\}")
            .GroupBy(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToDictionary(g => g.Key, g => g.First().Groups[2].Value);
        var count = specs.Keys.DefaultIfEmpty(-1).Max() + 1;
        return [.. Enumerable.Range(0, count).Select(i => specs.GetValueOrDefault(i, "") switch
        {
            var f when f.Contains("yy", StringComparison.Ordinal) => (object?)new DateTime(2025, 12, 7, 16, 30, 0, DateTimeKind.Utc),
            { Length: > 0 } => (object?)2.5,
            _ => (i % 3) switch { 0 => 3, 1 => "Naukšēni", _ => (object?)"R-1001" },
        })];
    }

    private static object?[] With(string template, int index, object value)
    {
        var args = Typical(template);
        args[index] = value;
        return args;
    }

    // Two stops in a row (but not an ellipsis "..."), or a stop after "!", "?", ",", ":" or ";".
    [GeneratedRegex(@"(?<!\.)\.\.(?!\.)|[!?,:;]\.")]
    private static partial Regex DoubleStop();

    // Numbered ({0}, {2:0.0}) and named ({name}) placeholders.
    [GeneratedRegex(@"\{[^{}\s]+\}")]
    private static partial Regex Placeholders();
}
