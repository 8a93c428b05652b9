using VillageBot.Features.Reports;

namespace VillageBot.Tests.Reports;

public sealed class SimilarReportsTests
{
    [Theory]
    [InlineData("bedre", "bedrēm")]
    [InlineData("bedres", "bedri")]
    [InlineData("ceļš", "ceļu")]
    [InlineData("laternas", "laterna")]
    [InlineData("дорога", "дороги")]
    [InlineData("фонари", "фонарь")]
    [InlineData("potholes", "pothole")]
    public void Inflected_forms_share_a_stem(string a, string b) =>
        Assert.Equal(SimilarReports.Stems(a).Single(), SimilarReports.Stems(b).Single());

    [Fact]
    public void Same_problem_in_other_words_and_without_diacritics_is_similar()
    {
        var a = SimilarReports.Stems("Lielā bedre uz ceļa pie skolas");
        var b = SimilarReports.Stems("liela bedre uz cela pie skolas joprojam nav aizlapita");
        Assert.True(SimilarReports.Jaccard(a, b) >= SimilarReports.Threshold);
    }

    [Fact]
    public void Different_problems_are_not_similar()
    {
        var a = SimilarReports.Stems("Lielā bedre uz ceļa pie skolas");
        var b = SimilarReports.Stems("Autobuss uz Madonu vairs nebrauc svētdienās");
        Assert.True(SimilarReports.Jaccard(a, b) < SimilarReports.Threshold);
    }

    [Fact]
    public void Function_words_and_empty_text_give_no_stems()
    {
        Assert.Empty(SimilarReports.Stems("un uz pie the and и на"));
        Assert.Empty(SimilarReports.Stems("   "));
        Assert.Equal(0, SimilarReports.Jaccard(SimilarReports.Stems(""), SimilarReports.Stems("bedre")));
    }
}
