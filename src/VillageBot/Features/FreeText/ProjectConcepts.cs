using VillageBot.Features.Questions.Retrieval;
using VillageBot.Features.Reports.Classification;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.FreeText;

/// <summary>
/// The project's own concepts: stems of the knowledge base's titles, tags and headings ("strategy", "vision",
/// "social capital", "smart village", "LEADER") that problem reports hardly ever use. A text that asks and names one
/// is about the talk's topics, even when the question answering finds no passage relevant enough to answer from and
/// the text carries a problem word ("why is our strategy about festivals and not about the young leaving?"). Words
/// that reports share with the articles (road, school, energy, internet) are left out by counting, so the list
/// follows the articles and the reports as they change.
/// </summary>
public sealed class ProjectConcepts
{
    /// <summary>
    /// A stem used by more reports than this is a report's word too. Measured on the dev splits: 0 keeps every
    /// batch's problem reports where they were; 2 let "kindergarten" and "school" through and sent reports to answering.
    /// </summary>
    public const int MaxReports = 0;

    /// <summary>Stems shorter than this say too little to be a concept.</summary>
    private const int MinStemLength = 4;

    private readonly HashSet<string> _stems;

    private ProjectConcepts(HashSet<string> stems) => _stems = stems;

    public int Count => _stems.Count;

    public static ProjectConcepts From(IEnumerable<KnowledgeArticle> articles, IEnumerable<LabeledText> reports)
    {
        var inReports = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var report in reports)
        {
            foreach (var stem in Stemming.Stems(report.Text, report.Lang).Distinct())
            {
                inReports[stem] = inReports.GetValueOrDefault(stem) + 1;
            }
        }

        var stems = articles
            .SelectMany(a => a.Sections.Select(s => s.Heading).Append(a.Title).Concat(a.Tags).SelectMany(t => Stemming.Stems(t, a.Lang)))
            .Where(s => s.Length >= MinStemLength && inReports.GetValueOrDefault(s) <= MaxReports);
        return new ProjectConcepts(new HashSet<string>(stems, StringComparer.Ordinal));
    }

    /// <summary>The concepts of the knowledge base beside data/problems, or none when there are no reports to count against.</summary>
    public static ProjectConcepts Of(KnowledgeIndex index)
    {
        var problems = ProblemTrainingSet.ProblemsDirectory(Path.GetDirectoryName(Path.GetFullPath(index.Folder)) ?? "");
        return index.Folder.Length == 0 || !System.IO.Directory.Exists(problems)
            ? new ProjectConcepts([])
            : From(index.Articles, TrainingData.ReadDirectory(problems));
    }

    /// <summary>True when the text names one of the concepts, in its own language or as a Latvian word inside another.</summary>
    public bool Named(string text)
    {
        if (_stems.Count == 0)
        {
            return false;
        }

        var lang = LanguageDetector.Detect(text);
        return Stemming.Stems(text, lang).Any(_stems.Contains) || lang != "lv" && Stemming.Stems(text, "lv").Any(_stems.Contains);
    }
}
