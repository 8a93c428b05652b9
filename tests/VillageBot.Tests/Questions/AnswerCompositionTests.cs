using VillageBot.Features.Questions.Retrieval;

namespace VillageBot.Tests.Questions;

public sealed class AnswerCompositionTests
{
    private const string LeaderSummary = "LEADER in short: a local action group of the area writes its strategy and chooses projects; the method started in 1991.";
    private const string EnergySummary = "Energy communities let neighbours share a solar plant and its savings.";

    private static readonly Dictionary<string, string> Summaries = new() { ["leader"] = LeaderSummary, ["energy"] = EnergySummary };

    private static KnowledgeArticle Article(string id, string title, params (string Heading, string Body)[] sections) =>
        KnowledgeBase.Parse($"en/{id}.md", $"""
            ---
            id: {id}
            title: {title}
            lang: en
            tags: [{id}]
            source: "Source, 2024"
            {(Summaries.TryGetValue(id, out var summary) ? $"summary: \"{summary}\"" : "")}
            ---
            # {title}

            {string.Join("\n\n", sections.Select(s => $"## {s.Heading}\n{s.Body}"))}
            """, "en");

    private static readonly PassageIndex Index = PassageIndex.Build("en",
    [
        Article("leader", "LEADER",
            ("What LEADER is", "LEADER is the EU method of local development led by a local action group. The group writes a strategy for its area."),
            ("History", "LEADER started in 1991 as an EU initiative. It has been part of every programme since.")),
        Article("grants", "Project grants",
            ("Getting money for a project", "Money for a village project comes from an open call. Write the application, attach the budget and submit it before the call closes."),
            ("Reporting", "After the project, report what was done and keep the receipts for five years.")),
        Article("energy", "Energy communities",
            ("What an energy community is", "Energy communities let neighbours share a solar plant and its savings. Members sign a simple agreement on how the savings are shared.")),
    ]);

    [Fact]
    public void A_question_asking_two_things_gets_both_parts_from_two_articles_in_about_700_characters()
    {
        var composed = AnswerComposer.Compose(Index.Search("what is LEADER and how do we get money for a project?"));

        Assert.Equal(["grants", "leader"], composed.Passages.Select(p => p.Article.Id).Order(StringComparer.Ordinal));
        Assert.Contains("local action group", composed.Text, StringComparison.Ordinal);
        Assert.Contains("open call", composed.Text, StringComparison.Ordinal);
        Assert.True(composed.Text.Length <= 720, composed.Text);
    }

    [Theory]
    [InlineData("Which digital skills does every villager need nowadays? I feel my opinion is never heard in this.", "en")]
    public void Words_of_the_asker_s_own_story_that_another_article_happens_to_use_do_not_make_a_second_part(string question, string lang)
    {
        var index = KnowledgeIndex.Load(Path.Combine(AppContext.BaseDirectory, "data", "knowledge"));

        var composed = AnswerComposer.Compose(index.Search(question, lang));

        Assert.Equal(["digital-skills"], composed.Passages.Select(p => p.Article.Id).Distinct());
    }

    [Fact]
    public void A_question_about_one_thing_is_answered_from_one_section()
    {
        var composed = AnswerComposer.Compose(Index.Search("what is the LEADER method?"));

        Assert.Equal(["What LEADER is"], composed.Passages.Select(p => p.Section.Heading));
    }

    [Theory]
    [InlineData("tell me about LEADER")]
    [InlineData("LEADER?")]
    public void A_question_about_the_whole_topic_gets_the_article_summary_first(string question)
    {
        var composed = AnswerComposer.Compose(Index.Search(question));

        Assert.StartsWith(LeaderSummary + "\n\n", composed.Text, StringComparison.Ordinal);
        Assert.Equal(["leader"], composed.Passages.Select(p => p.Article.Id).Distinct());
        Assert.True(composed.Text.Length <= 720, composed.Text);
    }

    [Fact]
    public void A_sentence_that_says_again_what_the_summary_says_is_left_out()
    {
        var composed = AnswerComposer.Compose(Index.Search("energy communities?"));

        Assert.Equal(EnergySummary + "\n\nMembers sign a simple agreement on how the savings are shared.", composed.Text);
    }

    [Theory]
    [InlineData("which programme has LEADER been part of?", "part of every programme")]
    [InlineData("is LEADER an EU method of development?", "the EU method of local development")]
    public void A_question_about_one_part_of_the_topic_gets_the_summary_then_the_sentence_that_answers_it(string question, string answer)
    {
        var composed = AnswerComposer.Compose(Index.Search(question));

        Assert.StartsWith(LeaderSummary + "\n\n", composed.Text, StringComparison.Ordinal);
        Assert.Contains(answer, composed.Text, StringComparison.Ordinal);
        Assert.True(composed.Text.Length <= 720, composed.Text);
    }

    [Fact]
    public void A_second_part_after_an_article_with_a_summary_follows_the_summary()
    {
        var composed = AnswerComposer.Compose(Index.Search("what is an energy community and where does money for a project come from?"));

        Assert.Equal(["energy", "grants"], composed.Passages.Select(p => p.Article.Id));
        Assert.StartsWith(EnergySummary + "\n\n", composed.Text, StringComparison.Ordinal);
        Assert.Contains("open call", composed.Text, StringComparison.Ordinal);
        Assert.True(composed.Text.Length <= 720, composed.Text);
    }

    [Fact]
    public void An_article_without_a_summary_is_answered_from_its_sections_alone()
    {
        var composed = AnswerComposer.Compose(Index.Search("project grants"));

        Assert.Equal("grants", composed.Passages[0].Article.Id);
        Assert.DoesNotContain("\n\n", composed.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_name_inside_a_sentence_is_a_sign_of_a_local_fact_but_an_acronym_or_the_first_word_is_not()
    {
        Assert.Equal(["ozolmuiža", "petrov"], SpecificFactCues.Names("Who chairs the Ozolmuiža association? Ask Petrov about LEADER.").Order(StringComparer.Ordinal));
        Assert.Empty(SpecificFactCues.Names("Kas ir LEADER? Kā sākt ENRD darbu."));
    }

    [Theory]
    [InlineData("Kad ir nākamā sapulce?", 1)]
    [InlineData("Ko darīt, kad uz sapulci neviens nenāk?", 0)]
    [InlineData("what should we do when nobody comes to meetings?", 0)]
    [InlineData("сколько стоит аренда зала?", 1)]
    [InlineData("стоит ли делать опрос жителей?", 0)]
    public void When_and_worth_are_local_fact_cues_only_where_they_ask_for_a_date_or_a_price(string question, int cues)
    {
        Assert.Equal(cues, SpecificFactCues.Count(question));
    }

    [Theory]
    [InlineData("how long should I bake rye bread?")]
    [InlineData("cik ilgi cept maizi krasni")]
    [InlineData("покажи прогноз на неделю")]
    [InlineData("ko stadit siltumnica")]
    public void Cooking_sport_weather_and_garden_words_are_signs_of_a_question_no_article_answers(string question)
    {
        Assert.True(SpecificFactCues.Count(question) > 0);
    }

    [Fact]
    public void A_name_the_articles_never_use_makes_a_question_less_probable()
    {
        var general = RelevanceDecision.Features(Index.Search("who leads the local action group"))!;
        var named = RelevanceDecision.Features(Index.Search("who leads the local action group of Ozolmuiža"))!;

        Assert.Equal(0, general.SpecificFact);
        Assert.Equal(1, named.SpecificFact);
        Assert.True(RelevanceDecision.Probability(named) < RelevanceDecision.Probability(general));
    }
}
