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

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>The analyzer for each language, used alike for the articles and for the questions.</summary>
public static class TextAnalysis
{
    public const LuceneVersion Version = LuceneVersion.LUCENE_48;

    public static Analyzer For(string lang) => lang switch
    {
        "en" => new EnglishQuestionAnalyzer(),
        "ru" => new RussianQuestionAnalyzer(),
        _ => new LatvianFoldingAnalyzer(),
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

    /// <summary>The words of a text, lower-cased, as the standard tokenizer splits them.</summary>
    public static IEnumerable<string> Words(string text)
    {
        using var tokenizer = new StandardTokenizer(Version, new StringReader(text));
        var term = tokenizer.AddAttribute<ICharTermAttribute>();
        tokenizer.Reset();
        var words = new List<string>();
        while (tokenizer.IncrementToken())
        {
            words.Add(term.ToString().ToLowerInvariant());
        }

        tokenizer.End();
        return words;
    }

    /// <summary>Lower-case text without diacritics ("Ciemā" → "ciema"), as residents often type it.</summary>
    public static string Fold(string text)
    {
        var input = text.ToCharArray();
        var output = new char[input.Length * 4];
        var length = ASCIIFoldingFilter.FoldToASCII(input, 0, output, 0, input.Length);
        return new string(output, 0, length).ToLowerInvariant().Replace('ё', 'е');
    }

    internal static CharArraySet StopSet(IEnumerable<string> words) =>
        new(Version, words.Concat(words.Select(Fold)).ToList(), ignoreCase: true);
}

/// <summary>
/// Latvian with the Lucene Latvian stemmer, and forgiving of missing diacritics. Each word yields the
/// stem-then-fold form ("ciemā" → "ciem") and, when different, the fold-then-stem form ("vietēm" →
/// "vietem"), so a question typed without diacritics meets the same terms as the article's text.
/// </summary>
public sealed class LatvianFoldingAnalyzer : Analyzer
{
    // Question words and fillers that say nothing about the topic, on top of Lucene's Latvian stop words.
    private static readonly string[] QuestionWords =
    [
        "kas", "kā", "kāds", "kāda", "kādi", "kādas", "kādu", "kādus", "kādā", "kādās", "kādos", "kur", "kurš", "kura", "kuri", "kuras",
        "kuru", "kurus", "kurā", "kad", "kāpēc", "kādēļ", "cik", "ko", "vai", "lūdzu", "pastāsti", "pastāstiet", "paskaidro",
        "paskaidrojiet", "izskaidro", "es", "mēs", "man", "mums", "mūsu", "mans", "mana", "jūs", "jums", "tu", "tev", "varu", "varam", "var", "drīkst", "to", "tas", "tā", "šo", "šis", "šī", "ir", "nozīmē", "lai", "tad", "kaut",
        "viņš", "viņa", "viņi", "viņas", "viņu", "viņam", "viņai", "viņiem", "viņām", "tie", "tās", "tam", "tai", "tiem", "tām", "šie", "šīs", "šim", "šai",
    ];

    private static readonly CharArraySet Stops = TextAnalysis.StopSet([.. LatvianAnalyzer.DefaultStopSet.Select(w => w.ToString()!), .. QuestionWords]);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream result = new LowerCaseFilter(TextAnalysis.Version, source);
        result = new StopFilter(TextAnalysis.Version, result, Stops);
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
        var stemThenFold = TextAnalysis.Fold(Stem(word));
        var foldThenStem = Stem(TextAnalysis.Fold(word));
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

    private string Stem(string word)
    {
        var buffer = word.ToCharArray();
        return new string(buffer, 0, _stemmer.Stem(buffer, buffer.Length));
    }
}

/// <summary>English: possessives, lower case, folding, stop words including question words, Porter stemming.</summary>
public sealed class EnglishQuestionAnalyzer : Analyzer
{
    private static readonly string[] QuestionWords =
    [
        "what", "whats", "how", "hows", "why", "when", "where", "who", "whom", "which", "do", "does", "did", "can", "could", "should", "would",
        "i", "we", "our", "my", "me", "you", "your", "us", "tell", "please", "explain", "about", "need", "want", "has", "have", "its", "there",
    ];

    private static readonly CharArraySet Stops = TextAnalysis.StopSet([.. EnglishAnalyzer.DefaultStopSet.Select(w => w.ToString()!), .. QuestionWords]);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream result = new EnglishPossessiveFilter(TextAnalysis.Version, source);
        result = new LowerCaseFilter(TextAnalysis.Version, result);
        result = new ASCIIFoldingFilter(result);
        result = new StopFilter(TextAnalysis.Version, result, Stops);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }
}

/// <summary>Russian: lower case, ё as е, stop words including question words, Snowball stemming; Latin words are folded.</summary>
public sealed class RussianQuestionAnalyzer : Analyzer
{
    private static readonly string[] QuestionWords =
    [
        "что", "как", "какой", "какая", "какие", "какое", "каких", "почему", "зачем", "когда", "где", "кто", "куда", "сколько",
        "можно", "нужно", "надо", "расскажи", "расскажите", "объясни", "объясните", "пожалуйста", "это", "такое", "наш", "наша",
        "наше", "наши", "нашей", "нашем", "мне", "нам", "мы", "я",
    ];

    private static readonly CharArraySet Stops = TextAnalysis.StopSet([.. RussianAnalyzer.DefaultStopSet.Select(w => w.ToString()!), .. QuestionWords]);

    protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
    {
        var source = new StandardTokenizer(TextAnalysis.Version, reader);
        TokenStream result = new LowerCaseFilter(TextAnalysis.Version, source);
        result = new ASCIIFoldingFilter(result);
        result = new YoFilter(result);
        result = new StopFilter(TextAnalysis.Version, result, Stops);
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
