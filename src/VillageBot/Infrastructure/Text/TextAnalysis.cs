using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Analysis.En;
using Lucene.Net.Analysis.Lv;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Analysis.Ru;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Standard;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;

namespace VillageBot.Infrastructure.Text;

/// <summary>
/// The Lucene analyzer of each language: the one tokenising, folding and stemming pipeline of the project. Questions
/// and articles use it with the question frame left out (<see cref="For"/>); reports are stemmed with the standard
/// function words only (<see cref="Stemming"/>), since "why" and "when" tell a question from a report.
/// Lucene analyzers reuse their token streams per thread, so one instance may serve all threads.
/// </summary>
public static class TextAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    /// <summary>The analyzer for questions and articles: standard function words and the question frame are dropped.</summary>
    public static Analyzer For(string lang) => Create(lang, StopWords.WithQuestionFrame(lang));

    /// <summary>The analyzer that drops only the standard function words.</summary>
    public static Analyzer Standard(string lang) => Create(lang, StopWords.Standard(lang));

    private static Analyzer Create(string lang, CharArraySet stops) => lang switch
    {
        "en" => new EnglishTextAnalyzer(stops),
        "ru" => new RussianTextAnalyzer(stops),
        _ => new LatvianFoldingAnalyzer(stops),
    };

    /// <summary>The terms of a text, position by position; a position may hold more than one form of a word.</summary>
    public static List<string[]> Terms(Analyzer analyzer, string text)
    {
        var positions = new List<string[]>();
        var current = new List<string>();
        using var stream = analyzer.GetTokenStream("text", text);
        var term = stream.AddAttribute<ICharTermAttribute>();
        var increment = stream.AddAttribute<IPositionIncrementAttribute>();
        stream.Reset();
        while (stream.IncrementToken())
        {
            if (increment.PositionIncrement > 0 && current.Count > 0)
            {
                positions.Add([.. current]);
                current.Clear();
            }

            var value = term.ToString();
            if (!current.Contains(value))
            {
                current.Add(value);
            }
        }

        if (current.Count > 0)
        {
            positions.Add([.. current]);
        }

        stream.End();
        return positions;
    }
}

/// <summary>
/// Latvian with the Lucene Latvian stemmer, and forgiving of missing diacritics. Each word yields the
/// stem-then-fold form ("ciemā" → "ciem") and, when different, the fold-then-stem form ("vietēm" →
/// "vietem"), so a question typed without diacritics meets the same terms as the article's text.
/// </summary>
public sealed class LatvianFoldingAnalyzer(CharArraySet stops) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream result = new LowerCaseFilter(TextAnalysis.Version, source);
        result = new StopFilter(TextAnalysis.Version, result, stops);
        result = new LatvianStemFoldFilter(result);
        return new TokenStreamComponents(source, result);
    }
}

/// <summary>Emits fold(stem(word)) and, at the same position when it differs, stem(fold(word)).</summary>
public sealed class LatvianStemFoldFilter : TokenFilter
{
    private readonly LatvianStemmer _stemmer = new();
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private State? _pendingState;
    private string? _pending;

    public LatvianStemFoldFilter(TokenStream input) : base(input)
    {
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_pending is not null)
        {
            RestoreState(_pendingState);
            _term.SetEmpty().Append(_pending);
            _increment.PositionIncrement = 0;
            _pending = null;
            return true;
        }

        if (!m_input.IncrementToken())
        {
            return false;
        }

        var word = _term.ToString();
        var stemThenFold = Folding.Fold(Stem(word));
        var foldThenStem = Stem(RestoreEmEnding(Folding.Fold(word)));
        _term.SetEmpty().Append(stemThenFold);
        if (foldThenStem != stemThenFold)
        {
            _pendingState = CaptureState();
            _pending = foldThenStem;
        }

        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _pending = null;
        _pendingState = null;
    }

    /// <summary>
    /// Folding turns the ending "-ēm" into "-em", which the Latvian stemmer does not know (it knows the folded forms of
    /// every other ending), so it is put back before stemming: "bedrem" and "bedrēm" both become "bedr".
    /// </summary>
    private static string RestoreEmEnding(string folded) =>
        folded.Length >= 5 && folded.EndsWith("em", StringComparison.Ordinal) ? folded[..^2] + "ēm" : folded;

    private string Stem(string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, _stemmer.Stem(buffer, buffer.Length));
    }
}

/// <summary>English: possessives, lower case, folding, stop words, Porter stemming.</summary>
public sealed class EnglishTextAnalyzer(CharArraySet stops) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream result = new EnglishPossessiveFilter(TextAnalysis.Version, source);
        result = new LowerCaseFilter(TextAnalysis.Version, result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(TextAnalysis.Version, result, stops);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}

/// <summary>Russian: lower case, ё as е, stop words, Snowball stemming (which needs "й"); Latin words are folded.</summary>
public sealed class RussianTextAnalyzer(CharArraySet stops) : Analyzer
{
    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream result = new LowerCaseFilter(TextAnalysis.Version, source);
        result = new ASCIIFoldingFilter(result);
        result = new YoFilter(result);
        result = new StopFilter(TextAnalysis.Version, result, stops);
        result = new SnowballFilter(result, new Lucene.Net.Tartarus.Snowball.Ext.RussianStemmer());
        return new TokenStreamComponents(source, result);
    }

    /// <summary>Most people type е for ё.</summary>
    private sealed class YoFilter(TokenStream input) : TokenFilter(input)
    {
        private readonly ICharTermAttribute _term = input.AddAttribute<ICharTermAttribute>();

        public override bool IncrementToken()
        {
            if (!m_input.IncrementToken())
            {
                return false;
            }

            var buffer = _term.Buffer;
            for (var i = 0; i < _term.Length; i++)
            {
                if (buffer[i] == 'ё')
                {
                    buffer[i] = 'е';
                }
            }

            return true;
        }
    }
}
