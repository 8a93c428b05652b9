using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Reports.Classification;

public sealed class ClassifierOptions
{
    public const string Section = "Classifier";

    /// <summary>Reports whose top probability is below this are marked for human review.</summary>
    [Range(0.0, 1.0)]
    public double ReviewThreshold { get; set; } = 0.5;

    /// <summary>The trained model, relative to Storage:DataDirectory (a classifier.json with its metadata sits beside it).</summary>
    [Required]
    public string ModelFile { get; set; } = "classifier.zip";

    /// <summary>Train in the background at start-up when the model is missing or was trained from other data or code.</summary>
    public bool TrainAtStartup { get; set; } = true;

    /// <summary>How many ordinary examples one admin relabel counts as.</summary>
    [Range(1.0, 100.0)]
    public float RelabelWeight { get; set; } = 3;
}
