using System.Text.RegularExpressions;
using VillageBot.Conversation;
using VillageBot.Tests.Quizzes;
using Texts = VillageBot.Infrastructure.Localization.Texts;

namespace VillageBot.Tests.Localization;

/// <summary>Words a resident should not meet: gendered forms for a person of unknown gender, jargon, calques.</summary>
public sealed partial class TextWordingTests : BotTest
{
    [Fact]
    public void No_text_or_quiz_uses_a_gendered_form_for_the_reader_jargon_or_a_calque()
    {
        var found = new List<string>();
        foreach (var (key, byLang) in new Texts().All)
        {
            found.AddRange(byLang.Where(t => Unwanted().IsMatch(t.Value)).Select(t => $"{key} ({t.Key}): {t.Value}"));
        }

        foreach (var m in QuizSteps.ShippedCatalog().Modules)
        {
            foreach (var lang in Languages.All)
            {
                var texts = new[] { m.TitleIn(lang), m.DescriptionIn(lang) }
                    .Concat(m.Items.SelectMany(q => q.OptionsIn(lang).Append(q.TextIn(lang)).Append(q.ExplanationIn(lang))));
                found.AddRange(texts.Where(t => Unwanted().IsMatch(t)).Select(t => $"{m.FileName} ({lang}): {t}"));
            }
        }

        Assert.True(found.Count == 0, string.Join('\n', found));
    }

    [Theory]
    [InlineData("lv", "Jūsu ciems: Kalsnava. ✅", "Laipni lūgti! 🌱")]
    [InlineData("en", "Your village: Kalsnava. ✅", "Welcome! 🌱")]
    [InlineData("ru", "Ваша деревня: Kalsnava. ✅", "Добро пожаловать! 🌱")]
    public async Task The_welcome_greets_the_person_not_the_village_and_the_village_is_named_once(string lang, string agreed, string welcome)
    {
        var user = await MemberAsync(lang);
        var events = Api.Events(user.Id);
        Assert.Single(events, e => e.Text?.StartsWith(agreed, StringComparison.Ordinal) == true);
        var greeting = Assert.Single(events, e => e.Text?.StartsWith(welcome, StringComparison.Ordinal) == true);
        Assert.DoesNotContain("Kalsnava", greeting.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_new_coordinator_is_told_without_a_gendered_participle()
    {
        var admin = Admin();
        await admin.OnboardAsync("kalsnava");
        var person = await MemberAsync("lv", "skrunda");
        admin.Send($"/promote {person.Id}");
        var told = await person.ExpectTextAsync("Jums piešķirta ciema Skrunda koordinatora loma");
        Assert.DoesNotContain("iecelts", told.Text, StringComparison.Ordinal);
    }

    // Latvian participles that give "jūs" a gender; Russian "(а)" endings; capacity-building jargon; the calque "связаннее".
    [GeneratedRegex(@"\b[Jj]ūs (esat|bijāt|tikāt) \w+(ts|ta|tas|ti|is|usi|uši)\b|\w\((а|на|ла)\)|FUTURAL|kapacitāt|capacity[- ]building|Связаннее|связаннее|Благополучнее")]
    private static partial Regex Unwanted();
}
