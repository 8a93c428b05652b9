using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VillageBot.Features.Questions;

namespace VillageBot.Tests.Questions;

public sealed class AiAnswerTests : IAsyncLifetime
{
    private ChatCompletionsStub _stub = null!;
    private ServiceProvider _services = null!;

    private QuestionAnswerer Answerer => _services.GetRequiredService<QuestionAnswerer>();

    public async Task InitializeAsync()
    {
        _stub = await ChatCompletionsStub.StartAsync();
        _services = QuestionsFeature.BuildStandalone(Settings(_stub.Endpoint));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _stub.DisposeAsync();
    }

    /// <summary>Generous enough for a first call on a busy machine; the timeout test sets its own.</summary>
    public static Dictionary<string, string?> Settings(string endpoint, int timeoutSeconds = 20) => new()
    {
        ["Ai:Provider"] = "OpenAICompatible",
        ["Ai:Endpoint"] = endpoint,
        ["Ai:Model"] = "village-test-model",
        ["Ai:ApiKey"] = "",
        ["Ai:TimeoutSeconds"] = timeoutSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    [Fact]
    public async Task The_answer_is_written_by_the_service_from_the_passages_and_the_question_and_keeps_the_sources()
    {
        _stub.Reply = "LEADER ir ES metode, kurā vietējie cilvēki lemj par naudu [LEADER un SVVA].";
        var answer = await Answerer.AnswerAsync("kas ir LEADER", "lv");

        Assert.Equal(AnswerMode.Ai, answer.Mode);
        Assert.Equal(_stub.Reply, answer.Text);
        Assert.NotEmpty(answer.Sources);
        var request = Assert.Single(_stub.Requests);
        Assert.Equal("village-test-model", request.GetProperty("model").GetString());
        var sent = _stub.SentText;
        Assert.Contains("kas ir LEADER", sent, StringComparison.Ordinal);
        Assert.Contains("Latvian", sent, StringComparison.Ordinal);
        Assert.Contains("ONLY from the numbered passages", sent, StringComparison.Ordinal);
        Assert.Contains("[1] " + answer.Sources[0].Title, sent, StringComparison.Ordinal);
        Assert.Contains("1991", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_prompt_asks_for_the_askers_language_whatever_the_passages_are_in()
    {
        using var knowledge = new KnowledgeCopy("ru/village-data.md");
        var settings = Settings(_stub.Endpoint);
        settings["Content:DataPath"] = knowledge.DataPath;
        await using var services = QuestionsFeature.BuildStandalone(settings);
        await services.GetRequiredService<QuestionAnswerer>().AnswerAsync("что можно найти на stat.gov.lv", "ru");
        Assert.Contains("Write in Russian", _stub.SentText, StringComparison.Ordinal);
        Assert.Contains("Centrālās statistikas pārvaldes", _stub.SentText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_service_error_falls_back_to_the_retrieval_answer_with_its_sources()
    {
        _stub.StatusCode = 500;
        var answer = await Answerer.AnswerAsync("kas ir LEADER", "lv");

        Assert.Equal(AnswerMode.Retrieval, answer.Mode);
        Assert.True(answer.Answered);
        Assert.Contains("1991", answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Sources);
        Assert.Single(_stub.Requests);
    }

    [Fact]
    public async Task A_service_slower_than_the_timeout_falls_back_to_the_retrieval_answer()
    {
        _stub.Stall = TimeSpan.FromSeconds(30);
        await using var services = QuestionsFeature.BuildStandalone(Settings(_stub.Endpoint, timeoutSeconds: 1));
        var started = DateTime.UtcNow;
        var answer = await services.GetRequiredService<QuestionAnswerer>().AnswerAsync("what is CLLD", "en");

        Assert.Equal(AnswerMode.Retrieval, answer.Mode);
        Assert.Contains("community-led", answer.Text, StringComparison.OrdinalIgnoreCase);
        Assert.NotEmpty(answer.Sources);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromSeconds(0.9), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_empty_reply_falls_back_to_the_retrieval_answer()
    {
        _stub.Reply = "  ";
        var answer = await Answerer.AnswerAsync("what is CLLD", "en");
        Assert.Equal(AnswerMode.Retrieval, answer.Mode);
    }

    [Fact]
    public async Task A_question_without_relevant_passages_is_not_sent_to_the_service()
    {
        var answer = await Answerer.AnswerAsync("how do I fix my tractor", "en");
        Assert.False(answer.Answered);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task A_missing_prompt_file_stops_the_start_and_names_the_file()
    {
        var settings = Settings(_stub.Endpoint);
        settings["Content:PromptsPath"] = Path.Combine(Path.GetTempPath(), "no-prompts-" + Guid.NewGuid().ToString("N"));
        await using var services = QuestionsFeature.BuildStandalone(settings);
        var e = Assert.Throws<FileNotFoundException>(() => services.GetRequiredService<QuestionAnswerer>());
        Assert.Contains("skprompt.txt", e.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OpenAICompatible", null, "m", null, "Ai:Endpoint is required")]
    [InlineData("OpenAI", null, "m", null, "Ai:ApiKey is required")]
    [InlineData("AzureOpenAI", "https://x.openai.azure.com/", null, "k", "Ai:Model is required")]
    [InlineData("OpenAICompatible", "not a url", "m", null, "not an absolute URL")]
    public void Incomplete_AI_settings_are_refused_at_start_with_the_reason(string provider, string? endpoint, string? model, string? key, string reason)
    {
        var e = Assert.Throws<OptionsValidationException>(() => QuestionsFeature.BuildStandalone(new Dictionary<string, string?>
        {
            ["Ai:Provider"] = provider,
            ["Ai:Endpoint"] = endpoint,
            ["Ai:Model"] = model,
            ["Ai:ApiKey"] = key,
        }));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
    }
}
