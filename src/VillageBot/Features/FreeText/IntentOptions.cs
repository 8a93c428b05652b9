using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.FreeText;

public sealed class IntentOptions
{
    public const string Section = "Intent";

    /// <summary>
    /// Below this top probability the person is asked "question or problem?". Chosen on the blind dev split
    /// (data/eval/blind/*.dev.jsonl, see the README's "Free text" section): a lower value routes more texts at once
    /// and asks less, at the price of more wrong routes.
    /// </summary>
    [Range(0.0, 1.0)]
    public double UnsureBelow { get; set; } = 0.55;

    /// <summary>
    /// How much more likely a text that asks something is a question when the knowledge base has a relevant article for
    /// it (the question's odds are multiplied by this; 1 turns the evidence off). Chosen on the blind dev split.
    /// </summary>
    [Range(1.0, 100.0)]
    public double KnowledgeBoost { get; set; } = 16;

    /// <summary>The trained model, relative to Storage:DataDirectory (an intent.json with its fingerprint sits beside it).</summary>
    [Required]
    public string ModelFile { get; set; } = "intent.zip";

    /// <summary>Train in the background at start-up when the model is missing or was trained from other data or code.</summary>
    public bool TrainAtStartup { get; set; } = true;
}
