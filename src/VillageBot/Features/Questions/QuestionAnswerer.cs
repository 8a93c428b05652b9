using System.Diagnostics;
using VillageBot.Features.Questions.Ai;
using VillageBot.Features.Questions.Retrieval;
using VillageBot.Infrastructure.Localization;

namespace VillageBot.Features.Questions;

public enum AnswerMode
{
    /// <summary>Nothing in the knowledge base was relevant enough.</summary>
    NotFound,

    /// <summary>Sentences quoted from the best passages.</summary>
    Retrieval,

    /// <summary>Written by the configured AI service from the retrieved passages.</summary>
    Ai,
}

/// <summary>An article an answer was built from.</summary>
public sealed record AnswerSource(string Id, string Title, string Lang, string Citation);

/// <summary>The answer to one question: its text (in the asker's language where the knowledge base has it) and sources.</summary>
public sealed record QuestionAnswer(bool Answered, string Text, IReadOnlyList<AnswerSource> Sources, AnswerMode Mode, TimeSpan Elapsed)
{
    public IEnumerable<string> SourceTitles => Sources.Select(s => s.Title);
}

/// <summary>
/// Answers a question from the knowledge base: retrieval always, then the AI service when one is configured,
/// falling back to the retrieval answer when the service fails or is slow. Thread-safe; one per process.
/// </summary>
public sealed class QuestionAnswerer(KnowledgeIndex index, Texts texts, IAnswerWriter? writer = null)
{
    /// <summary>True when an AI service writes the answers (so answering may take seconds).</summary>
    public bool UsesAi => writer is not null;

    public async Task<QuestionAnswer> AnswerAsync(string question, string lang, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var found = index.Search(question, lang);
        if (!found.Relevant)
        {
            return new QuestionAnswer(false, texts.Get(lang, "questions.not_found"), [], AnswerMode.NotFound, watch.Elapsed);
        }

        if (writer is not null)
        {
            var context = Context(found);
            if (await writer.WriteAsync(question, lang, context, ct) is { } written)
            {
                return new QuestionAnswer(true, written, Sources(context), AnswerMode.Ai, watch.Elapsed);
            }
        }

        var composed = AnswerComposer.Compose(found);
        var from = found.Best!.Passage.Lang;
        var note = from == lang ? null
            : from == KnowledgeIndex.QuestionLanguage(question, lang) ? texts.Get(lang, "questions.from_article." + from)
            : texts.Get(lang, "questions.found_in." + from);
        var text = note is null ? composed.Text : note + "\n\n" + composed.Text;
        return new QuestionAnswer(true, text, Sources(composed.Passages), AnswerMode.Retrieval, watch.Elapsed);
    }

    /// <summary>The passages an AI service is given: the best ones that are relevant on their own.</summary>
    private static List<Passage> Context(SearchResult found) =>
        [.. found.Hits.Where(h => h.Coverage >= KnowledgeIndex.MinCoverage * 0.8).Take(3).Select(h => h.Passage)];

    private static List<AnswerSource> Sources(IEnumerable<Passage> passages) =>
        [.. passages.Select(p => p.Article).DistinctBy(a => (a.Lang, a.Id)).Select(a => new AnswerSource(a.Id, a.Title, a.Lang, a.Source))];
}
