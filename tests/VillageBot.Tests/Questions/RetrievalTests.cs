using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Questions;

namespace VillageBot.Tests.Questions;

/// <summary>The answerer built once from the shipped knowledge base, with no AI service.</summary>
public sealed class AnswererFixture : IDisposable
{
    private readonly ServiceProvider _services = QuestionsFeature.BuildStandalone(new Dictionary<string, string?> { ["Ai:Provider"] = "None" });

    public QuestionAnswerer Answerer => _services.GetRequiredService<QuestionAnswerer>();

    public void Dispose() => _services.Dispose();
}

public sealed class RetrievalTests(AnswererFixture fixture) : IClassFixture<AnswererFixture>
{
    private Task<QuestionAnswer> Ask(string question, string lang) => fixture.Answerer.AnswerAsync(question, lang);

    [Fact]
    public async Task A_latvian_question_is_answered_from_the_latvian_article()
    {
        var answer = await Ask("Kā nodibināt biedrību?", "lv");
        Assert.True(answer.Answered);
        Assert.Equal(AnswerMode.Retrieval, answer.Mode);
        Assert.Contains("statūt", answer.Text, StringComparison.OrdinalIgnoreCase);
        var source = Assert.Single(answer.Sources);
        Assert.Equal(("biedriba", "lv"), (source.Id, source.Lang));
    }

    [Fact]
    public async Task The_same_question_typed_without_diacritics_gets_the_same_answer()
    {
        var written = await Ask("Kā nodibināt biedrību?", "lv");
        var typed = await Ask("ka nodibinat biedribu", "lv");
        Assert.Equal(written.Text, typed.Text);
    }

    [Fact]
    public async Task A_russian_question_is_answered_from_the_russian_article_when_there_is_one()
    {
        var answer = await Ask("что такое LEADER", "ru");
        Assert.True(answer.Answered);
        Assert.All(answer.Sources, s => Assert.Equal("ru", s.Lang));
        Assert.Contains("1991", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_question_on_a_topic_missing_in_russian_falls_back_to_latvian_and_says_so_in_russian()
    {
        using var knowledge = new KnowledgeCopy("ru/village-data.md");
        using var services = QuestionsFeature.BuildStandalone(new Dictionary<string, string?>
        {
            ["Ai:Provider"] = "None",
            ["Content:DataPath"] = knowledge.DataPath,
        });
        var answer = await services.GetRequiredService<QuestionAnswerer>().AnswerAsync("что можно найти на stat.gov.lv", "ru");
        Assert.True(answer.Answered);
        Assert.StartsWith("На русском об этом пока нет статьи", answer.Text, StringComparison.Ordinal);
        Assert.Contains("stat.gov.lv", answer.Text, StringComparison.Ordinal);
        Assert.All(answer.Sources, s => Assert.Equal("lv", s.Lang));
    }

    [Fact]
    public async Task The_same_question_is_answered_from_the_russian_article_once_the_topic_has_one()
    {
        var answer = await Ask("что можно найти на stat.gov.lv", "ru");
        Assert.True(answer.Answered);
        Assert.DoesNotContain("На русском об этом пока нет статьи", answer.Text, StringComparison.Ordinal);
        Assert.Contains("stat.gov.lv", answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Sources, s => (s.Id, s.Lang) == ("village-data", "ru"));
    }

    [Fact]
    public async Task An_english_question_is_answered_in_english_even_though_latvian_has_the_topic()
    {
        var answer = await Ask("what is an energy community", "en");
        Assert.True(answer.Answered);
        Assert.All(answer.Sources, s => Assert.Equal("en", s.Lang));
        Assert.DoesNotContain("article says", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("how to run a vilage meetng", "en", "community-meeting")]
    [InlineData("kadas eiropas politkas atbalsta viedus ciemus", "lv", "eu-policies-smart-villages")]
    [InlineData("lauku paktss kas tas ir", "lv", "ltvra-2040")]
    public async Task Typos_are_read_as_the_nearest_word_of_the_articles(string question, string lang, string article)
    {
        var answer = await Ask(question, lang);
        Assert.True(answer.Answered);
        Assert.Equal(article, answer.Sources[0].Id);
    }

    [Theory]
    [InlineData("kur ir tuvākais ārsts", "lv")]
    [InlineData("kad brauc autobuss uz rigu", "lv")]
    [InlineData("kas ir pasvaldibas vaditajs kalsnava", "lv")]
    [InlineData("how to get a passport", "en")]
    [InlineData("where can I buy cheap firewood", "en")]
    [InlineData("когда приедет автолавка", "ru")]
    [InlineData("kas tas ir?", "lv")]
    public async Task A_question_the_knowledge_base_cannot_answer_is_not_answered(string question, string lang)
    {
        var answer = await Ask(question, lang);
        Assert.False(answer.Answered, answer.Text);
        Assert.Equal(AnswerMode.NotFound, answer.Mode);
        Assert.Empty(answer.Sources);
    }

    [Fact]
    public async Task A_long_passage_is_cut_to_the_sentences_that_answer_the_question()
    {
        var answer = await Ask("kas ir e-adrese", "lv");
        Assert.Contains("E-adrese ir oficiāla elektroniskā pastkaste", answer.Text, StringComparison.Ordinal);
        Assert.True(answer.Text.Length < 1200, answer.Text);
    }

    [Theory]
    [InlineData("kas ir LEADER", "lv")]
    [InlineData("FUTURAL capacity building phases", "en")]
    [InlineData("как провести собрание жителей", "ru")]
    public async Task Answers_are_short_and_name_their_sources(string question, string lang)
    {
        var answer = await Ask(question, lang);
        Assert.True(answer.Answered);
        Assert.InRange(answer.Text.Length, 100, 1200);
        Assert.InRange(answer.Sources.Count, 1, 2);
        Assert.All(answer.Sources, s => Assert.False(string.IsNullOrWhiteSpace(s.Title) || string.IsNullOrWhiteSpace(s.Citation)));
    }
}
