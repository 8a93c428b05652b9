using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.FreeText;

public sealed class IntentOptions
{
    public const string Section = "Intent";

    /// <summary>
    /// Below this top probability the person is asked "question or problem?". Calibrated on the dev splits of all six
    /// blind batches (data/eval/blind*/*.dev.jsonl, see the README's "Free text" section): the threshold of least cost
    /// (a wrong route counted as four prompts) lies between 0.55 and 0.65 in the five folds of a cross-validation;
    /// 0.60 sits between them. A lower value routes more texts at once and asks less, at the price of more wrong routes.
    /// </summary>
    [Range(0.0, 1.0)]
    public double UnsureBelow { get; set; } = 0.60;

    /// <summary>
    /// How much more likely a text that asks something is a question when the knowledge base has a relevant article for
    /// it (the question's odds are multiplied by this; 1 turns the evidence off). Chosen on the dev splits of both
    /// blind batches: 64 halves the questions sent to the report flow against 16; 256 sends more reports to answering.
    /// </summary>
    [Range(1.0, 1000.0)]
    public double KnowledgeBoost { get; set; } = 64;

    /// <summary>The trained model, relative to Storage:DataDirectory (an intent.json with its fingerprint sits beside it).</summary>
    [Required]
    public string ModelFile { get; set; } = "intent.zip";

    /// <summary>Train in the background at start-up when the model is missing or was trained from other data or code.</summary>
    public bool TrainAtStartup { get; set; } = true;
}
