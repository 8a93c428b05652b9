using Microsoft.Extensions.Options;
using VillageBot.Conversation;
using VillageBot.Features.AdminWeb;
using VillageBot.Features.Questions.Ai;
using VillageBot.Features.Questions.Chat;
using VillageBot.Features.Questions.Retrieval;
using VillageBot.Infrastructure.Localization;
using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Features.Questions;

public static class QuestionsFeature
{
    /// <summary>Questions in the chat: free-text questions, /ask, forwarding to coordinators, /gaps.</summary>
    public static IServiceCollection AddQuestions(this IServiceCollection services)
    {
        services.AddQuestionAnswering();
        services.AddHostedService<KnowledgeWarmup>();
        services.AddSingleton<KnowledgeGaps>();
        services.AddSingleton<IPersonalData, KnowledgeGapData>();
        services.AddSingleton<IPulseSource, KnowledgeGapsPulse>();
        services.AddScoped<IQuestionAnswering, QuestionsInChat>();
        services.AddCommand<AskCommand>("ask", Access.Member, "cmd.ask");
        services.AddDialog<AskDialog>(AskCommand.Dialog);
        services.AddCallback<ForwardQuestionCallback>(ForwardQuestionCallback.Prefix, Access.Member);
        services.AddCommand<GapsCommand>("gaps", Access.Coordinator, "cmd.gaps");
        return services;
    }

    /// <summary>The answerer alone (knowledge index, optional AI service); also used by the command line.</summary>
    public static IServiceCollection AddQuestionAnswering(this IServiceCollection services)
    {
        services.AddOptions<AiOptions>().BindConfiguration(AiOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AiOptions>, AiOptionsValidator>();
        services.AddHttpClient(SemanticKernelAnswerWriter.HttpClientName, (sp, http) =>
            http.Timeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<AiOptions>>().Value.TimeoutSeconds + 10));
        services.AddSingleton(sp => KnowledgeIndex.Load(Path.Combine(sp.GetRequiredService<IOptions<ContentOptions>>().Value.ResolvedDataPath, "knowledge")));
        services.AddSingleton<SemanticKernelAnswerWriter>();
        services.AddSingleton(sp => new QuestionAnswerer(
            sp.GetRequiredService<KnowledgeIndex>(),
            sp.GetRequiredService<Texts>(),
            sp.GetRequiredService<IOptions<AiOptions>>().Value.Enabled ? sp.GetRequiredService<SemanticKernelAnswerWriter>() : null));
        return services;
    }

    /// <summary>
    /// The answerer without the bot, for the command line and benchmarks: settings from appsettings.json, environment
    /// variables and <paramref name="settings"/>; warnings and errors are logged to standard error only.
    /// </summary>
    public static ServiceProvider BuildStandalone(IDictionary<string, string?>? settings = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(AppContext.BaseDirectory)
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .AddInMemoryCollection(settings ?? new Dictionary<string, string?>())
            .Build();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddLogging(l => l
            .AddSimpleConsole(o => o.SingleLine = true)
            .AddFilter((_, level) => level >= LogLevel.Warning));
        services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        services.AddOptions<ContentOptions>().BindConfiguration(ContentOptions.Section).ValidateDataAnnotations();
        services.AddSingleton<Texts>();
        services.AddQuestionAnswering();
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<AiOptions>>().Value; // invalid AI settings stop here, with the reason
        return provider;
    }
}

/// <summary>Reads and indexes the knowledge base (and loads the AI prompt) at start-up, so a broken file stops the start.</summary>
public sealed class KnowledgeWarmup(IServiceProvider services, ILogger<KnowledgeWarmup> log) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var answerer = services.GetRequiredService<QuestionAnswerer>();
        var index = services.GetRequiredService<KnowledgeIndex>();
        if (index.Articles.Count == 0)
        {
            // A data folder without knowledge (for example one holding only quizzes) is allowed: every question then
            // gets the honest "I don't know" and is logged as a gap.
            log.LogWarning("No knowledge articles in {Folder}; questions will not be answered", index.Folder);
        }

        log.LogInformation("Knowledge base: {Articles} articles, {Passages} passages indexed in {Ms} ms; answers by {Mode}",
            index.Articles.Count, index.PassageCount, watch.ElapsedMilliseconds, answerer.UsesAi ? "the AI service" : "retrieval");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
