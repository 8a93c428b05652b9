namespace VillageBot.Conversation;

/// <summary>The registered commands, buttons and dialogs, indexed once at start-up.</summary>
public sealed class RouteTable
{
    public RouteTable(IEnumerable<CommandRoute> commands, IEnumerable<CallbackRoute> callbacks, IEnumerable<DialogRoute> dialogs, IEnumerable<NewcomerRoute> newcomers)
    {
        Newcomer = newcomers.LastOrDefault();
        Commands = commands.ToDictionary(c => c.Command, StringComparer.OrdinalIgnoreCase);
        Callbacks = callbacks.ToDictionary(c => c.Prefix, StringComparer.Ordinal);
        Dialogs = dialogs.ToDictionary(d => d.Name, StringComparer.Ordinal);
    }

    public IReadOnlyDictionary<string, CommandRoute> Commands { get; }

    public IReadOnlyDictionary<string, CallbackRoute> Callbacks { get; }

    public IReadOnlyDictionary<string, DialogRoute> Dialogs { get; }

    public NewcomerRoute? Newcomer { get; }

    /// <summary>Splits "/cmd@bot args" into ("cmd", "args"); null if the text is not a command.</summary>
    public static (string Command, string Args)? ParseCommand(string text)
    {
        if (text.Length < 2 || text[0] != '/')
        {
            return null;
        }

        var space = text.IndexOfAny([' ', '\n', '\t']);
        var head = space < 0 ? text[1..] : text[1..space];
        var args = space < 0 ? "" : text[(space + 1)..].Trim();
        var at = head.IndexOf('@');
        if (at >= 0)
        {
            head = head[..at];
        }

        // Anything that starts like a command is read as one, so a mistyped or overlong command is answered
        // as an unknown command instead of being taken for a question or a report.
        return head.Length == 0 ? null : (head.ToLowerInvariant(), args);
    }
}
