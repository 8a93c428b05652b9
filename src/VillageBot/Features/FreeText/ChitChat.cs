using VillageBot.Infrastructure.Text;
using VillageBot.Conversation;
using VillageBot.Features.Reports.Classification;

namespace VillageBot.Features.FreeText;

/// <summary>A short, friendly reply to small talk that says what the bot can do; thanks get a "you are welcome" first.</summary>
public static class ChitChat
{
    private static readonly HashSet<string> ThanksWords =
    [
        "paldies", "paldis", "paldiez", "thanks", "thank", "thx", "ty", "cheers", "спасибо", "спс", "благодарю", "spasibo", "pateicos",
    ];

    public static Task ReplyAsync(BotContext ctx, string text) =>
        ctx.ReplyAsync((IsThanks(text) ? ctx.T("freetext.thanks") + " " : "") + ctx.T("freetext.chitchat"));

    public static bool IsThanks(string text) => Folding.Words(Folding.Fold(text)).Any(ThanksWords.Contains);
}

/// <summary>A typed answer to "question or problem?": "jautājums", "problēma", "вопрос", "a problem", "tas ir jautājums".</summary>
public static class FreeTextChoice
{
    /// <summary>Longer texts are a new message, not an answer to the prompt.</summary>
    private const int MaxWords = 4;

    private static readonly HashSet<string> QuestionWords = ["jautajums", "jautajumu", "jautajums?", "question", "вопрос", "vopros"];

    private static readonly HashSet<string> ProblemWords = ["problema", "problemu", "zinojums", "zinot", "problem", "report", "проблема", "проблему", "сообщить"];

    /// <summary>Words that may stand beside "problem" in "it's a problem" and the button's own label.</summary>
    private static readonly HashSet<string> ItIs = ["ta", "tas", "ir", "it", "its", "it's", "is", "a", "this", "это", "то", "ziņot", "zinot", "report", "сообщить"];

    /// <summary>
    /// "problēma", "it's a problem", "это проблема" and nothing else: after an answer, where no prompt was asked, only
    /// that takes the answered text as a report — "no problem, thanks", "nav problēmu" or "report broken lamp" do not.
    /// </summary>
    public static bool SaysOnlyItIsAProblem(string text)
    {
        var words = Folding.Words(Folding.Fold(text)).ToList();
        return words.Count is > 0 and <= MaxWords + 2 && words.Any(ProblemWords.Contains) && words.All(w => ProblemWords.Contains(w) || ItIs.Contains(w));
    }

    /// <summary><see cref="Intent.Question"/> or <see cref="Intent.Problem"/> when the text names one of them and little else; otherwise <see cref="Intent.Unsure"/>.</summary>
    public static Intent Of(string text)
    {
        var words = Folding.Words(Folding.Fold(text)).ToList();
        if (words.Count is 0 or > MaxWords)
        {
            return Intent.Unsure;
        }

        var (question, problem) = (words.Any(QuestionWords.Contains), words.Any(ProblemWords.Contains));
        return (question, problem) switch
        {
            (true, false) => Intent.Question,
            (false, true) => Intent.Problem,
            _ => Intent.Unsure,
        };
    }
}
