using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace VillageBot.Features.Questions.Ai;

public enum AiProvider
{
    /// <summary>No AI service: answers are quoted from the knowledge base (the default).</summary>
    None,
    OpenAI,
    AzureOpenAI,

    /// <summary>Any server speaking the OpenAI chat-completions API: Ollama, vLLM, llama.cpp server, LM Studio…</summary>
    OpenAICompatible,
}

/// <summary>The AI service that writes answers from retrieved passages (section "Ai").</summary>
public sealed class AiOptions
{
    public const string Section = "Ai";

    public AiProvider Provider { get; set; } = AiProvider.None;

    /// <summary>Base address: "https://NAME.openai.azure.com/" for Azure, "http://localhost:11434/v1" for Ollama. Optional for OpenAI.</summary>
    public string? Endpoint { get; set; }

    /// <summary>Model id (the deployment name for Azure OpenAI).</summary>
    public string? Model { get; set; }

    public string? ApiKey { get; set; }

    /// <summary>After this long the retrieval answer is sent instead.</summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 20;

    public bool Enabled => Provider != AiProvider.None;
}

public sealed class AiOptionsValidator : IValidateOptions<AiOptions>
{
    public ValidateOptionsResult Validate(string? name, AiOptions o)
    {
        var problems = new List<string>();
        if (o.TimeoutSeconds is < 1 or > 300)
        {
            problems.Add("Ai:TimeoutSeconds must be between 1 and 300.");
        }

        if (o.Enabled && string.IsNullOrWhiteSpace(o.Model))
        {
            problems.Add($"Ai:Model is required for Ai:Provider {o.Provider}.");
        }

        if (o.Provider is AiProvider.AzureOpenAI or AiProvider.OpenAICompatible && string.IsNullOrWhiteSpace(o.Endpoint))
        {
            problems.Add($"Ai:Endpoint is required for Ai:Provider {o.Provider}.");
        }

        if (o.Provider is AiProvider.OpenAI or AiProvider.AzureOpenAI && string.IsNullOrWhiteSpace(o.ApiKey))
        {
            problems.Add($"Ai:ApiKey is required for Ai:Provider {o.Provider} (set it as the environment variable Ai__ApiKey).");
        }

        if (o.Enabled && !string.IsNullOrWhiteSpace(o.Endpoint) && !Uri.TryCreate(o.Endpoint, UriKind.Absolute, out _))
        {
            problems.Add($"Ai:Endpoint '{o.Endpoint}' is not an absolute URL.");
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
