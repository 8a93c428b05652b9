namespace VillageBot.Features.LocalChat;

/// <summary>
/// What the page receives of a stored message. A quiz's right answer and explanation come only after the
/// person answered, as in Telegram's quiz mode.
/// </summary>
public sealed record LocalMessageView(int Id, string From, string Text, List<List<LocalButton>>? Buttons, string? Image, LocalFileView? File, LocalPollView? Poll, long Version)
{
    public static LocalMessageView Of(LocalMessage m) => new(
        m.Id,
        m.From,
        m.Text,
        m.Buttons,
        m.Image,
        m.File is { } f ? new LocalFileView($"/chat/api/files/{f.Id}", f.Name, f.Size) : null,
        m.Poll is { } p ? LocalPollView.Of(p) : null,
        m.Version);
}

public sealed record LocalFileView(string Url, string Name, int Size);

public sealed record LocalPollView(List<string> Options, bool Multiple, bool Quiz, List<int>? Chosen, int? Correct, string? Explanation, bool Closed)
{
    public static LocalPollView Of(LocalPoll p)
    {
        var answered = p.IsQuiz && p.Chosen is { Count: > 0 };
        return new(p.Options, p.AllowsMultipleAnswers, p.IsQuiz, p.Chosen, answered ? p.CorrectOption : null, answered ? p.Explanation : null, p.Closed);
    }
}
