using VillageBot.Features.Questions.Retrieval;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Tests.Questions;

public sealed class AnalyzerTests
{
    private static string[] Terms(string lang, string text)
    {
        using var analyzer = TextAnalysis.For(lang);
        return [.. TextAnalysis.Terms(analyzer, text).SelectMany(p => p)];
    }

    private static string[] Position(string lang, string word)
    {
        using var analyzer = TextAnalysis.For(lang);
        return Assert.Single(TextAnalysis.Terms(analyzer, word));
    }

    [Theory]
    [InlineData("ciems")]
    [InlineData("ciemi")]
    [InlineData("ciemu")]
    [InlineData("ciemā")]
    [InlineData("ciema")]
    [InlineData("Ciemam")]
    public void Latvian_forms_of_ciems_with_or_without_diacritics_stem_to_ciem(string word)
    {
        Assert.Contains("ciem", Position("lv", word));
    }

    [Theory]
    [InlineData("biedrība", "biedriba")]
    [InlineData("dzīvesvietu", "dzivesvietu")]
    [InlineData("uzticēšanos", "uzticesanos")]
    [InlineData("vietēm", "vietem")]
    [InlineData("līdzfinansējumu", "lidzfinansejumu")]
    [InlineData("pašvaldībās", "pasvaldibas")]
    public void A_word_typed_without_diacritics_shares_a_term_with_the_written_word(string written, string typed)
    {
        Assert.NotEmpty(Position("lv", written).Intersect(Position("lv", typed)));
    }

    [Fact]
    public void Latvian_terms_are_plain_ascii_after_folding()
    {
        Assert.All(Terms("lv", "Sabiedriskā labuma organizācija un uzņēmēji ciemā"), t => Assert.True(t.All(char.IsAscii), t));
    }

    [Fact]
    public void Latvian_question_words_and_stop_words_are_dropped_with_or_without_diacritics()
    {
        Assert.Equal(["biedrib"], Terms("lv", "Kā ir ar biedrību?"));
        Assert.Equal(["biedrib"], Terms("lv", "ka ir ar biedribu"));
    }

    [Theory]
    [InlineData("communities", "community")]
    [InlineData("meetings", "meeting")]
    [InlineData("Applying", "applied")]
    public void English_words_stem_to_the_same_term(string a, string b)
    {
        Assert.Equal(Position("en", a), Position("en", b));
    }

    [Fact]
    public void English_question_words_are_dropped()
    {
        Assert.Equal(["leader"], Terms("en", "What is LEADER?"));
        Assert.Equal(["leader"], Terms("en", "whats LEADER"));
    }

    [Theory]
    [InlineData("сообщества", "сообществ")]
    [InlineData("партнёров", "партнеров")]
    [InlineData("деревне", "деревня")]
    public void Russian_words_stem_alike_and_yo_is_read_as_ye(string a, string b)
    {
        Assert.Equal(Position("ru", a), Position("ru", b));
    }

    [Fact]
    public void Russian_question_words_are_dropped()
    {
        Assert.Equal(Terms("ru", "LEADER"), Terms("ru", "Что такое LEADER?"));
    }

    [Theory]
    [InlineData("Ciemā", "ciema")]
    [InlineData("ŠĪ ĒKA", "si eka")]
    [InlineData("Ёлка", "елка")]
    public void Fold_lowercases_and_removes_diacritics(string text, string folded)
    {
        Assert.Equal(folded, Folding.Fold(text));
    }

    [Theory]
    [InlineData("meeting", "meetng", 1)]
    [InlineData("politikas", "politkas", 1)]
    [InlineData("partnerus", "parnerus", 1)]
    [InlineData("abcd", "abdc", 1)]
    [InlineData("village", "town", 3)]
    public void Edit_distance_counts_insertions_deletions_changes_and_swaps_up_to_the_limit(string a, string b, int expected)
    {
        Assert.Equal(expected, EditDistance.Between(a, b, 2));
    }
}
