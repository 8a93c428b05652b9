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

    /// <summary>The trained model, relative to Storage:DataDirectory (an intent.json with its fingerprint sits beside it).</summary>
    [Required]
    public string ModelFile { get; set; } = "intent.zip";

    /// <summary>Train in the background at start-up when the model is missing or was trained from other data or code.</summary>
    public bool TrainAtStartup { get; set; } = true;
}
