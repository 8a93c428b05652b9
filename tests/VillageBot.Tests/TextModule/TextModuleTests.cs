using VillageBot.Infrastructure.Text;

namespace VillageBot.Tests.TextModule;

public sealed class TextModuleTests
{
    [Theory]
    [InlineData("Ceļš ir slidens", "cels ir slidens")]
    [InlineData("ŠĪ ĒKA", "si eka")]
    [InlineData("Ёлка", "елка")]
    [InlineData("Ērgļi", "ergli")]
    public void Fold_lowercases_and_removes_latin_diacritics(string text, string folded) => Assert.Equal(folded, Folding.Fold(text));

    [Fact]
    public void Fold_keeps_the_russian_short_i()
    {
        Assert.Equal("холодный район", Folding.Fold("Холодный район"));
        Assert.Equal(Stemming.Stems("холодный", "ru"), Stemming.Stems("холодного", "ru"));
    }

    [Fact]
    public void Words_keep_inner_hyphens_apostrophes_and_dots()
    {
        Assert.Equal(new[] { "wi-fi", "doesn't", "work", "e-klase", "stat.gov.lv" }, Folding.Words("Wi-Fi doesn’t work!! (e-klase) stat.gov.lv."));
    }

    [Theory]
    [InlineData("kā izveidot biedrību?", "en", "lv")]
    [InlineData("ka izveidot biedribu musu ciema", "en", "lv")]
    [InlineData("how do we start an association", "lv", "en")]
    [InlineData("Что такое LEADER?", "lv", "ru")]
    [InlineData("что такое EU Action for Smart Villages", "en", "ru")]
    [InlineData("Long-term Vision for Rural Areas 2040 что это", "lv", "ru")]
    [InlineData("the word 'да' in a text", "lv", "en")]
    [InlineData("LEADER?", "en", "en")]
    [InlineData("LEADER?", "lv", "lv")]
    public void A_language_is_detected_from_the_text_and_the_fallback_only_when_nothing_tells(string text, string fallback, string lang) =>
        Assert.Equal(lang, LanguageDetector.Detect(text, fallback));

    [Fact]
    public void Latvian_stems_are_the_same_with_and_without_diacritics()
    {
        Assert.Single(new[] { "bedres", "bedrēm", "bedre", "bedrem" }.Select(w => Stemming.Stems(w, "lv").Single()).Distinct());
        Assert.Equal(Stemming.Stems("biedrības dibināšana", "lv"), Stemming.Stems("biedribas dibinasana", "lv"));
    }

    [Fact]
    public void Question_frame_words_are_left_out_of_question_analysis_but_not_out_of_report_stems()
    {
        var analyzer = TextAnalysis.For("en");
        var terms = TextAnalysis.Terms(analyzer, "Can you explain simply what LEADER is?").SelectMany(p => p).ToList();

        Assert.Equal(new[] { "leader" }, terms);
        Assert.Contains("why", Stemming.Stems("why is the road not fixed", "en"));
        Assert.True(StopWords.IsStopInAnyLanguage("kapec"));
        Assert.False(StopWords.IsStopInAnyLanguage("bedre"));
    }
}
