using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.SemanticKernel;
using VillageBot.Conversation;
using VillageBot.Features.Questions.Retrieval;

namespace VillageBot.Features.Questions.Ai;

/// <summary>
/// Writes answers through Semantic Kernel with the prompt in prompts/answer (skprompt.txt + config.json),
/// loaded once. Any failure or a reply slower than Ai:TimeoutSeconds yields null: the retrieval answer is used.
/// </summary>
public sealed class SemanticKernelAnswerWriter : IAnswerWriter
{
    public const string HttpClientName = "ai";

    /// <summary>Room left for the list of sources within Telegram's 4096 characters.</summary>
    private const int MaxAnswerLength = 3500;

    private readonly Kernel _kernel;
    private readonly KernelFunction _answer;
    private readonly TimeSpan _timeout;
    private readonly ILogger<SemanticKernelAnswerWriter> _log;

    public SemanticKernelAnswerWriter(IOptions<AiOptions> options, IOptions<ContentOptions> content, IHttpClientFactory http, ILogger<SemanticKernelAnswerWriter> log)
    {
        var o = options.Value;
        _timeout = TimeSpan.FromSeconds(o.TimeoutSeconds);
        _log = log;
        _kernel = BuildKernel(o, http.CreateClient(HttpClientName));
        _answer = LoadPrompt(Path.Combine(content.Value.ResolvedPromptsPath, "answer"));
    }

    public async Task<string?> WriteAsync(string question, string lang, IReadOnlyList<Passage> passages, CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(_timeout);
        try
        {
            var result = await _kernel.InvokeAsync(_answer, new KernelArguments
            {
                ["question"] = question,
                ["language"] = LanguageName(lang),
                ["passages"] = FormatPassages(passages),
            }, timeout.Token);
            var text = result.GetValue<string>()?.Trim();
            if (string.IsNullOrEmpty(text))
            {
                _log.LogWarning("The AI service returned an empty answer; using the retrieval answer");
                return null;
            }

            return text.Length <= MaxAnswerLength ? text : string.Concat(text.AsSpan(0, MaxAnswerLength - 1), "…");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            _log.LogWarning("The AI service did not answer within {Seconds}s; using the retrieval answer", _timeout.TotalSeconds);
            return null;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            _log.LogWarning(e, "The AI service failed; using the retrieval answer");
            return null;
        }
    }

    /// <summary>Numbered passages with their article titles, so the model can cite them by title.</summary>
    public static string FormatPassages(IReadOnlyList<Passage> passages)
    {
        var text = new StringBuilder();
        for (var i = 0; i < passages.Count; i++)
        {
            var p = passages[i];
            text.Append('[').Append(i + 1).Append("] ").Append(p.Article.Title).Append(" — ").Append(p.Section.Heading).Append('\n')
                .Append(p.Section.Body).Append("\n\n");
        }

        return text.ToString().TrimEnd();
    }

    public static string LanguageName(string lang) => lang switch
    {
        "en" => "English",
        "ru" => "Russian",
        _ => "Latvian",
    };

    private static Kernel BuildKernel(AiOptions o, HttpClient http)
    {
        var builder = Kernel.CreateBuilder();
        switch (o.Provider)
        {
            case AiProvider.AzureOpenAI:
                builder.AddAzureOpenAIChatCompletion(o.Model!, o.Endpoint!, o.ApiKey!, httpClient: http);
                break;
            case AiProvider.OpenAI when string.IsNullOrWhiteSpace(o.Endpoint):
                builder.AddOpenAIChatCompletion(o.Model!, o.ApiKey!, httpClient: http);
                break;
            case AiProvider.OpenAI or AiProvider.OpenAICompatible:
                // Local servers (Ollama, llama.cpp) take no key, but the client needs a non-empty one.
                builder.AddOpenAIChatCompletion(o.Model!, new Uri(o.Endpoint!), string.IsNullOrWhiteSpace(o.ApiKey) ? "none" : o.ApiKey, httpClient: http);
                break;
            default:
                throw new InvalidOperationException("No AI provider is configured.");
        }

        return builder.Build();
    }

    private static KernelFunction LoadPrompt(string folder)
    {
        var configFile = Path.Combine(folder, "config.json");
        var templateFile = Path.Combine(folder, "skprompt.txt");
        if (!File.Exists(configFile) || !File.Exists(templateFile))
        {
            throw new FileNotFoundException($"The answer prompt needs {templateFile} and {configFile}.");
        }

        var config = PromptTemplateConfig.FromJson(File.ReadAllText(configFile));
        config.Template = File.ReadAllText(templateFile);
        config.Name ??= "answer";
        return KernelFunctionFactory.CreateFromPrompt(config);
    }
}
