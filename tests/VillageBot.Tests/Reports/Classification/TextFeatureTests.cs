using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Tests.Reports.Classification;

public sealed class TextFeatureTests
{
    [Theory]
    [InlineData("Ceļš ir slidens", "cels ir slidens")]
    [InlineData("ŽĒLĪGI", "zeligi")]
    [InlineData("Ёлка", "елка")]
    public void Folding_removes_case_and_diacritics(string text, string folded) => Assert.Equal(folded, Folding.Fold(text));

    [Fact]
    public void Words_keep_inner_hyphens_and_apostrophes() =>
        Assert.Equal(new[] { "wi-fi", "doesn't", "work", "e-klase" }, Folding.Words(Folding.Fold("Wi-Fi doesn’t work!! (e-klase)")));

    [Theory]
    [InlineData("Pie mums nav interneta jau nedēļu", "lv")]
    [InlineData("pie mums nav interneta jau nedelu", "lv")]
    [InlineData("bedres uz cela", "lv")]
    [InlineData("The road to the school is full of potholes", "en")]
    [InlineData("nobody answers our letters", "en")]
    [InlineData("У нас опять нет света", "ru")]
    public void The_language_is_told_by_script_letters_and_cue_words(string text, string lang) => Assert.Equal(lang, LanguageDetector.Detect(text));

    [Fact]
    public void The_guessed_language_matches_the_training_labels_for_almost_every_report()
    {
        var examples = ProblemTrainingSet.Load(ClassifierFixture.DataPath, []).Files;

        var wrong = examples.Count(e => LanguageDetector.Detect(e.Text) != e.Lang);

        Assert.True(wrong < examples.Count * 0.03, $"{wrong} of {examples.Count} guessed wrong");
    }

    [Fact]
    public void Latvian_inflections_with_and_without_diacritics_share_a_stem()
    {
        var stems = new[] { "bedres", "bedrēm", "bedre", "bedrem" }.Select(w => Stemming.Stems(w, "lv").Single()).Distinct();

        Assert.Single(stems);
    }

    [Fact]
    public void Russian_and_English_inflections_share_a_stem()
    {
        Assert.Single(new[] { "дороги", "дорогой", "дорога" }.Select(w => Stemming.Stems(w, "ru").Single()).Distinct());
        Assert.Single(new[] { "potholes", "pothole" }.Select(w => Stemming.Stems(w, "en").Single()).Distinct());
    }

    [Fact]
    public void Lexicon_stems_match_word_beginnings_and_phrases_match_words_in_a_row()
    {
        var lexicon = new ProblemLexicon(["transport", "economy"], c => c == "transport" ? ["bedr", "cel"] : ["darba viet"]);

        var hits = lexicon.Hits([.. Folding.Words(Folding.Fold("Bedres uz ceļa, nav darba vietu, bedrains"))]);

        Assert.Equal(new[] { 3f, 1f }, hits);
        Assert.Equal(new[] { 0f, 0f }, lexicon.Hits(["darba", "laiks", "abedr"]));
    }
}
