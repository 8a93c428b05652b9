using Microsoft.ML.Data;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Reports.Classification;

/// <summary>One report as the model sees it.</summary>
public sealed class ProblemInput
{
    public string Label { get; set; } = "";

    /// <summary>Stems in the guessed language, for word n-grams.</summary>
    public string Stems { get; set; } = "";

    /// <summary>Folded words, for character n-grams (they survive typos and endings the stemmer misses).</summary>
    public string Folded { get; set; } = "";

    /// <summary>Per-category lexicon hits, scaled.</summary>
    [VectorType(9)]
    public float[] Lexicon { get; set; } = [];

    public float Weight { get; set; } = 1;
}

/// <summary>Turns a report's text into <see cref="ProblemInput"/>: language guess, folding, stemming, lexicon hits.</summary>
public sealed class ProblemFeaturizer(ProblemLexicon lexicon, float lexiconScale, bool stem = true)
{
    /// <summary>Reports are a few sentences; past this the text adds cost, not meaning.</summary>
    public const int MaxChars = 4000;

    public ProblemInput Featurize(string text, string? label = null, float weight = 1)
    {
        text = text.Length > MaxChars ? text[..MaxChars] : text;
        var lang = LanguageDetector.Detect(text);
        var words = Folding.Words(Folding.Fold(text)).ToList();
        var hits = lexicon.Hits(words);
        for (var i = 0; i < hits.Length; i++)
        {
            hits[i] = lexiconScale * MathF.Log(1 + hits[i]);
        }

        return new ProblemInput
        {
            Label = label ?? "",
            Stems = stem ? string.Join(' ', Stemming.Stems(text, lang)) : string.Join(' ', words),
            Folded = string.Join(' ', words),
            Lexicon = hits,
            Weight = weight,
        };
    }
}
