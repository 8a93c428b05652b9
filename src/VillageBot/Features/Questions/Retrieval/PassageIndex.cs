using Lucene.Net.Analysis;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.Questions.Retrieval;

/// <summary>
/// The passages of one language in an in-memory Lucene index scored with BM25, built once. Title, tags and
/// heading are a separate, boosted field, and so are the ask phrases (the ways residents ask for a section); an
/// unknown word is matched to the nearest known one (a typo).
/// It lives as long as the process: the in-memory directory holds nothing but managed memory.
/// </summary>
public sealed class PassageIndex
{
    private const string HeadField = "head";
    private const string BodyField = "body";
    private const string AskField = "ask";
    private const float HeadBoost = 1.5f;
    private const float AskBoost = 1.5f;
    private const float CorrectedWeight = 0.8f;

    /// <summary>A synonym from the key-term map ranks passages less than the word the person typed.</summary>
    private const float SynonymWeight = 0.3f;

    /// <summary>A word the articles never use counts extra: it is the clearest sign a question is about something else.</summary>
    private const double UnknownWeight = 1.5;

    /// <summary>Words of a question beyond this are not read: nobody asks in more, and typo search costs time per word.</summary>
    private const int MaxWords = 64;

    private readonly Analyzer _analyzer;
    private readonly IndexSearcher _searcher;
    private readonly Passage[] _byDoc;
    private readonly Dictionary<string, int> _documentFrequency;
    private readonly TypoCorrector _typos;

    private PassageIndex(string lang, Analyzer analyzer, RAMDirectory directory, Passage[] byDoc)
    {
        Lang = lang;
        _analyzer = analyzer;
        _searcher = new IndexSearcher(DirectoryReader.Open(directory)) { Similarity = new BM25Similarity() };
        _byDoc = byDoc;
        _documentFrequency = byDoc.SelectMany(p => p.Terms).GroupBy(t => t, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        _typos = new TypoCorrector(byDoc.SelectMany(p => Folding.Words(p.HeadText + " " + p.AskText + " " + p.Section.Body)));
    }

    public string Lang { get; }

    public int Count => _byDoc.Length;

    public static PassageIndex Build(string lang, IEnumerable<KnowledgeArticle> articles)
    {
        var analyzer = TextAnalysis.For(lang);
        var directory = new RAMDirectory();
        var passages = new List<Passage>();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(TextAnalysis.Version, analyzer) { Similarity = new BM25Similarity() }))
        {
            foreach (var article in articles.Where(a => a.Lang == lang))
            {
                foreach (var section in article.Sections)
                {
                    var passage = NewPassage(analyzer, article, section);
                    writer.AddDocument(
                    [
                        new TextField(HeadField, passage.HeadText, Field.Store.NO),
                        new TextField(BodyField, section.Body, Field.Store.NO),
                        new TextField(AskField, passage.AskText, Field.Store.NO),
                    ]);
                    passages.Add(passage);
                }
            }

            writer.Commit();
        }

        // One writer, no deletions, no merges that reorder: document n is the n-th passage added.
        return new PassageIndex(lang, analyzer, directory, [.. passages]);
    }

    /// <summary>
    /// The best passages. Typos are corrected only in the asker's own language. Searching another language's
    /// articles, words in another script are left out: a Russian question can still find "LEADER" or "LLKC" in
    /// Latvian articles, while its Cyrillic words neither match nor count against them.
    /// </summary>
    public SearchResult Search(string question, bool ownLanguage = true, int top = 8, IReadOnlyList<string>? expansion = null)
    {
        var query = Interpret(question, ownLanguage);
        if (expansion is { Count: > 0 })
        {
            var asked = query.SelectMany(t => t.Forms).ToHashSet(StringComparer.Ordinal);
            query.AddRange(Interpret(string.Join(' ', expansion), ownLanguage: false)
                .Where(t => t.Known && !t.Forms.Any(asked.Contains))
                .Select(t => t with { Expansion = true }));
        }

        if (!query.Any(t => t.Known))
        {
            return query.Count == 0 ? SearchResult.Empty : new SearchResult(query, [], question) { OwnLanguage = ownLanguage };
        }

        var lucene = new BooleanQuery();
        foreach (var term in query.Where(t => t.Known))
        {
            var either = new DisjunctionMaxQuery(0.1f) { Boost = term.Corrected ? CorrectedWeight : term.Expansion && ownLanguage ? SynonymWeight : 1f };
            foreach (var form in term.Forms)
            {
                either.Add(new TermQuery(new Term(BodyField, form)));
                either.Add(new TermQuery(new Term(HeadField, form)) { Boost = HeadBoost });
                either.Add(new TermQuery(new Term(AskField, form)) { Boost = AskBoost });
            }

            lucene.Add(either, Occur.SHOULD);
        }

        var total = query.Where(t => !t.Expansion).Sum(t => t.Known ? t.Weight : t.Weight * UnknownWeight);
        var hits = _searcher.Search(lucene, top).ScoreDocs
            .Select(d => (Passage: _byDoc[d.Doc], d.Score))
            .Select(h =>
            {
                var matched = query.Where(t => t.MatchedBy(h.Passage.Terms)).ToList();
                var found = matched.Sum(t => t.Weight);
                var expanded = matched.Where(t => t.Expansion).Sum(t => t.Weight);
                return new PassageHit(h.Passage, h.Score, found / (total + expanded), matched.Count);
            })
            .ToList();
        return new SearchResult(query, OpeningFirst(query, hits), question) { OwnLanguage = ownLanguage };
    }

    /// <summary>
    /// A question that only names the best article's title ("how do LEADER applications work in Latvia?") asks about
    /// the whole topic: the article's opening section, which says what it is about, answers it when it was found, unless
    /// the best section's own heading or ask phrases name something asked that the opening's do not.
    /// </summary>
    private static List<PassageHit> OpeningFirst(List<QueryTerm> query, List<PassageHit> hits)
    {
        if (hits.Count == 0)
        {
            return hits;
        }

        var article = hits[0].Passage.Article;
        var asked = query.Where(t => !t.Expansion).ToList();
        var opening = hits.FirstOrDefault(h => h.Passage.Article == article && h.Passage.Section == article.Sections[0]);
        if (opening is null || opening == hits[0]
            || !asked.All(t => t.Known && t.Forms.Any(hits[0].Passage.TitleTerms.Contains))
            || asked.Any(t => t.MatchedBy(hits[0].Passage.SectionTerms) && !t.MatchedBy(opening.Passage.SectionTerms)))
        {
            return hits;
        }

        return [opening, .. hits.Where(h => h != opening)];
    }

    /// <summary>The question's terms with their weights; a word the articles never use is taken as a typo of the nearest word they do.</summary>
    public List<QueryTerm> Interpret(string question, bool ownLanguage = true)
    {
        var result = new List<QueryTerm>();
        var names = SpecificFactCues.Names(question);
        foreach (var word in Folding.Words(question).Take(MaxWords))
        {
            var forms = Analyze(word);
            if (forms.Length == 0 || !ownLanguage && IsCyrillic(word) != (Lang == "ru"))
            {
                continue;
            }

            var known = forms.Where(_documentFrequency.ContainsKey).ToArray();
            if (Unprefixed(word) is { Length: > 0 } plain)
            {
                // "jāiekļauj" is "iekļauj" to be done, "neaizmirst" is "aizmirst" negated: the same topic word.
                result.Add(new QueryTerm([.. plain.Union(known)], plain.Max(Idf), true, false));
            }
            else if (known.Length > 0)
            {
                result.Add(new QueryTerm(known, known.Max(Idf), true, false));
            }
            else if (ownLanguage && _typos.Correct(word) is { } corrected && Analyze(corrected).Where(_documentFrequency.ContainsKey).ToArray() is { Length: > 0 } fixedForms)
            {
                result.Add(new QueryTerm(fixedForms, fixedForms.Max(Idf) * CorrectedWeight, true, true) { UnknownName = names.Contains(word) });
            }
            else
            {
                result.Add(new QueryTerm(forms, Idf(0), false, false) { UnknownName = names.Contains(word) });
            }
        }

        return [.. result.DistinctBy(t => t.Forms[0], StringComparer.Ordinal)];
    }

    /// <summary>
    /// A Latvian verb's known forms without its debitive "jā-" or negating "ne-" prefix, which the stemmer keeps;
    /// empty when the word has neither or the articles do not use the plain verb.
    /// </summary>
    private string[] Unprefixed(string word)
    {
        var folded = Folding.Fold(word);
        if (Lang != "lv" || folded.Length < 6 || !(folded.StartsWith("ja", StringComparison.Ordinal) || folded.StartsWith("ne", StringComparison.Ordinal)))
        {
            return [];
        }

        return Analyze(word[2..]).Where(_documentFrequency.ContainsKey).ToArray();
    }

    private static bool IsCyrillic(string word) => word.Any(c => c is >= '\u0400' and <= '\u04FF');

    private string[] Analyze(string word) => TextAnalysis.Terms(_analyzer, word).SelectMany(p => p).Distinct().ToArray();

    private double Idf(string term) => Idf(_documentFrequency.GetValueOrDefault(term));

    /// <summary>
    /// The square root of BM25's idf: rare words still count more, but one rare word (often a verb the articles
    /// happen to use once) does not outweigh the topic words when judging how much of a question a passage covers.
    /// </summary>
    private double Idf(int df) => Math.Sqrt(Math.Log(1 + (_byDoc.Length - df + 0.5) / (df + 0.5)));

    private static Passage NewPassage(Analyzer analyzer, KnowledgeArticle article, KnowledgeSection section)
    {
        var sentences = Sentences.Split(section.Body).Select(s => new Sentence(s, TermSet(analyzer, s))).ToList();
        var passage = new Passage(article, section, sentences, []);
        passage.HeadTerms.UnionWith(TermSet(analyzer, passage.HeadText));
        passage.HeadTerms.UnionWith(TermSet(analyzer, passage.AskText));
        passage.TitleTerms.UnionWith(TermSet(analyzer, article.Title));
        passage.SectionTerms.UnionWith(TermSet(analyzer, string.Join(". ", section.Asks.Prepend(section.Heading))));
        passage.Terms.UnionWith(passage.HeadTerms);
        passage.Terms.UnionWith(sentences.SelectMany(s => s.Terms));
        return passage;
    }

    private static HashSet<string> TermSet(Analyzer analyzer, string text) =>
        new(TextAnalysis.Terms(analyzer, text).SelectMany(p => p), StringComparer.Ordinal);
}
