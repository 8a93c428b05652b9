using VillageBot.Features.Questions.Retrieval;
using VillageBot.TestKit;

namespace VillageBot.Tests.Questions;

public sealed class KnowledgeBaseTests
{
    private const string Valid = """
        ---
        id: sample
        title: Paraugs
        lang: lv
        tags: [viens, divi]
        source: "Avots, 2024"
        ---
        # Paraugs

        ## Pirmā daļa
        Teksts.

        ## Otrā daļa
        Vēl teksts. Un vēl.
        """;

    public static string KnowledgeFolder => Path.Combine(AppContext.BaseDirectory, "data", "knowledge");

    [Fact]
    public void The_shipped_knowledge_base_loads_with_at_least_forty_articles_in_all_three_languages()
    {
        var articles = KnowledgeBase.Load(KnowledgeFolder);
        Assert.True(articles.Count >= 40, $"{articles.Count} articles");
        Assert.All(new[] { "lv", "en", "ru" }, lang => Assert.Contains(articles, a => a.Lang == lang));
        Assert.All(articles, a => Assert.False(string.IsNullOrWhiteSpace(a.Source), a.File));
    }

    [Fact]
    public void Every_latvian_article_has_an_english_one_and_every_russian_one_a_latvian_one()
    {
        var articles = KnowledgeBase.Load(KnowledgeFolder);
        var ids = articles.ToLookup(a => a.Lang, a => a.Id);
        Assert.Empty(ids["lv"].Except(ids["en"]));
        Assert.Empty(ids["en"].Except(ids["lv"]));
        Assert.Empty(ids["ru"].Except(ids["lv"]));
    }

    [Theory]
    [InlineData("social-capital")]
    [InlineData("be-the-change")]
    [InlineData("means-not-goal")]
    [InlineData("five-questions")]
    [InlineData("community-development")]
    [InlineData("enrd-drivers")]
    [InlineData("eu-policies-smart-villages")]
    [InlineData("new-partnerships")]
    [InlineData("futural-phases")]
    [InlineData("why-not-priority-latvia")]
    [InlineData("meaningful-vision")]
    [InlineData("vision-to-goal")]
    [InlineData("leader-clld")]
    [InlineData("leader-latvia-applications")]
    [InlineData("eu-action-smart-villages")]
    [InlineData("ltvra-2040")]
    [InlineData("cap-network")]
    [InlineData("biedriba")]
    [InlineData("finding-partners")]
    [InlineData("community-meeting")]
    [InlineData("energy-communities")]
    [InlineData("digital-skills")]
    [InlineData("e-services")]
    public void Each_topic_of_the_seed_and_of_public_practice_has_an_article_in_latvian_and_english(string id)
    {
        var articles = KnowledgeBase.Load(KnowledgeFolder);
        Assert.Contains(articles, a => a.Id == id && a.Lang == "lv");
        Assert.Contains(articles, a => a.Id == id && a.Lang == "en");
    }

    [Fact]
    public void An_article_is_parsed_into_front_matter_and_sections()
    {
        var article = KnowledgeBase.Parse("lv/sample.md", Valid, "lv");
        Assert.Equal("sample", article.Id);
        Assert.Equal("Paraugs", article.Title);
        Assert.Equal(["viens", "divi"], article.Tags);
        Assert.Equal("Avots, 2024", article.Source);
        Assert.Equal(["Pirmā daļa", "Otrā daļa"], article.Sections.Select(s => s.Heading));
        Assert.Equal("Vēl teksts. Un vēl.", article.Sections[1].Body);
    }

    [Fact]
    public void Ask_lines_become_the_ask_phrases_of_their_section_or_article_and_are_never_part_of_the_text()
    {
        var text = Valid
            .Replace("# Paraugs\n", "# Paraugs\n<!-- ask: kas tas par paraugu | paraugs ka tads -->\n", StringComparison.Ordinal)
            .Replace("## Otrā daļa\n", "## Otrā daļa\n<!-- ask: kā mums sākt | ko vajag sākumam  |  -->\n<!--ASK: pirmie soli -->\n<!-- piezīme rakstītājam -->\n", StringComparison.Ordinal);

        var article = KnowledgeBase.Parse("lv/sample.md", text, "lv");

        Assert.Equal(["kas tas par paraugu", "paraugs ka tads"], article.Asks);
        Assert.Empty(article.Sections[0].Asks);
        Assert.Equal(["kā mums sākt", "ko vajag sākumam", "pirmie soli"], article.Sections[1].Asks);
        Assert.Equal("Vēl teksts. Un vēl.", article.Sections[1].Body);
        Assert.DoesNotContain(article.Sections, s => s.Body.Contains("<!--", StringComparison.Ordinal));
    }

    [Fact]
    public void A_section_with_only_ask_lines_has_no_text_and_is_refused()
    {
        var text = Valid.Replace("## Otrā daļa\nVēl teksts. Un vēl.", "## Otrā daļa\n<!-- ask: kā mums sākt -->", StringComparison.Ordinal);
        Assert.Contains("section 'Otrā daļa' has no text", Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Parse("lv/sample.md", text, "lv")).Message);
    }

    [Fact]
    public void A_question_worded_only_like_an_ask_phrase_finds_its_section()
    {
        var text = Valid.Replace("## Otrā daļa\n", "## Otrā daļa\n<!-- ask: kā mums nodibināt biedrību -->\n", StringComparison.Ordinal);
        var index = PassageIndex.Build("lv", [KnowledgeBase.Parse("lv/sample.md", text, "lv")]);

        var found = index.Search("ka nodibinat biedribu?");

        Assert.Equal("Otrā daļa", found.Best?.Passage.Section.Heading);
        Assert.Contains(found.Query, t => t.Known && t.Forms.Any(found.Best!.Passage.HeadTerms.Contains));
        Assert.DoesNotContain("biedr", found.Best!.Passage.Section.Body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id: sample\n", "", "front matter lacks id")]
    [InlineData("source: \"Avots, 2024\"\n", "", "front matter lacks source")]
    [InlineData("lang: lv", "lang: en", "'lv' folder")]
    [InlineData("## Otrā daļa\nVēl teksts. Un vēl.", "## Otrā daļa\n", "section 'Otrā daļa' has no text")]
    [InlineData("title: Paraugs", "title Paraugs", "is not 'key: value'")]
    public void A_broken_article_is_refused_with_the_file_and_the_problem_named(string find, string replace, string problem)
    {
        var broken = Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(Valid, broken);
        var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Parse("lv/sample.md", broken, "lv"));
        Assert.Contains("lv/sample.md", e.Message);
        Assert.Contains(problem, e.Message);
    }

    [Fact]
    public void An_article_without_front_matter_or_sections_is_refused()
    {
        Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Parse("x.md", "# Title\n\n## A\ntext", "lv"));
        var noSections = Valid[..Valid.IndexOf("## Pirmā", StringComparison.Ordinal)];
        Assert.Contains("no '## ' sections", Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Parse("x.md", noSections, "lv")).Message);
    }

    [Fact]
    public async Task A_broken_article_stops_the_bot_at_start_with_the_file_named()
    {
        var data = Path.Combine(Path.GetTempPath(), "villagebot-kb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(data, "knowledge", "en"));
        try
        {
            File.Copy(Path.Combine(AppContext.BaseDirectory, "data", "villages.json"), Path.Combine(data, "villages.json"));
            File.WriteAllText(Path.Combine(data, "knowledge", "en", "broken.md"), Valid);
            var e = await Assert.ThrowsAnyAsync<Exception>(() => BotHost.StartAsync(api: null, settings: new Dictionary<string, string?> { ["Content:DataPath"] = data }));
            Assert.Contains("broken.md", e.ToString(), StringComparison.Ordinal);
            Assert.Contains("lang is 'lv' but the file is in the 'en' folder", e.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void A_missing_knowledge_folder_gives_an_index_that_answers_nothing()
    {
        var index = new KnowledgeIndex(KnowledgeBase.Load(Path.Combine(Path.GetTempPath(), "no-such-knowledge-" + Guid.NewGuid().ToString("N"))));
        Assert.Empty(index.Articles);
        Assert.False(KnowledgeIndex.IsRelevant(index.Search("kas ir LEADER", "lv")));
    }

    [Fact]
    public void Loading_a_folder_with_a_broken_file_names_that_file()
    {
        var folder = Path.Combine(Path.GetTempPath(), "villagebot-kb-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(folder, "lv"));
        try
        {
            File.WriteAllText(Path.Combine(folder, "lv", "good.md"), Valid);
            File.WriteAllText(Path.Combine(folder, "lv", "bad.md"), Valid.Replace("---\n#", "#", StringComparison.Ordinal));
            var e = Assert.Throws<KnowledgeFormatException>(() => KnowledgeBase.Load(folder));
            Assert.EndsWith("bad.md", e.File);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
