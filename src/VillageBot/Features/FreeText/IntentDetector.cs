using System.Text.RegularExpressions;
using VillageBot.Features.Onboarding;
using VillageBot.Infrastructure.Text;

namespace VillageBot.Features.FreeText;

public enum Intent
{
    Question,
    Problem,
    Unsure,
}

/// <summary>
/// Tells a question ("kā nodibināt biedrību?") from a problem report ("pie mums atkal nav elektrības") in lv, en
/// and ru, typed with or without diacritics. When the text reads as both or neither, the person is asked.
/// </summary>
public static partial class IntentDetector
{
    public static Intent Detect(string text)
    {
        var t = " " + Folding.Fold(text) + " ";
        var question = t.TrimEnd().EndsWith('?') || QuestionStart().IsMatch(t) || QuestionPhrase().IsMatch(t);
        var problem = ProblemCue().IsMatch(t);
        return (question, problem) switch
        {
            (true, false) => Intent.Question,
            (false, true) => Intent.Problem,
            _ => Intent.Unsure,
        };
    }

    [GeneratedRegex(@"^\s*(kas|ka|kur|kad|kapec|kadel|kads|kada|kadi|kadas|kadu|vai|cik|kurs|kura|kuri|kuru|ko|pastasti|pastastiet|paskaidro|paskaidrojiet|izskaidro|ludzu pastasti|what|how|why|when|where|who|which|can|could|is|are|do|does|should|tell|explain|что|как|почему|зачем|когда|где|кто|какои|какая|какие|какое|можно|расскажи|расскажите|объясни|объясните|сколько|чем)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionStart();

    [GeneratedRegex(@"\b(ko nozime|kas ir|ka var|what is|what are|how do|how can|how to|что такое|как можно|как создать)\b", RegexOptions.CultureInvariant)]
    private static partial Regex QuestionPhrase();

    [GeneratedRegex(@"\b(nav|neiet|nestrada|nedarbojas|bojat\w*|saluz\w*|bedr\w*|problem\w*|trukst|netiek|nevar|nekas|neviens|atkal|briesmig\w*|bistam\w*|izgazt\w*|pie mums|musu ciem\w*|sudz\w*|not working|doesn.?t work|broken|pothole\w*|no one|nobody|there is no|there are no|we have no|can.?t|cannot|again|dangerous|missing|complain\w*|нет|не работает|сломал\w*|сломан\w*|проблем\w*|опять|снова|никто|невозможно|не можем|ям\w*|опасн\w*|жалоб\w*|у нас)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ProblemCue();
}
