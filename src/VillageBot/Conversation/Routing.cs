using Telegram.Bot.Types;

namespace VillageBot.Conversation;

/// <summary>Who may use a command or a button.</summary>
public enum Access
{
    /// <summary>Anyone, even before onboarding.</summary>
    Anyone,

    /// <summary>Onboarded residents: language, village and privacy notice done.</summary>
    Member,

    /// <summary>Coordinators of at least one village, and admins.</summary>
    Coordinator,

    /// <summary>Admins from Bot:AdminIds.</summary>
    Admin,
}

public interface ICommandHandler
{
    Task HandleAsync(BotContext ctx, string args);
}

public interface ICallbackHandler
{
    Task HandleAsync(BotContext ctx, CallbackData data);
}

/// <summary>Receives the messages of a person while they are in the dialog of this name.</summary>
public interface IDialogHandler
{
    Task HandleAsync(BotContext ctx, DialogState state);
}

/// <summary>Free text outside any dialog. Handlers are asked in ascending <see cref="Order"/> until one takes it.</summary>
public interface ITextHandler
{
    int Order { get; }

    Task<bool> TryHandleAsync(BotContext ctx, string text);
}

/// <summary>
/// Sees a private message from a member before commands, dialogs and free text; true when it took the message
/// (a voice message heard and shown back). Returning false lets the message go on as usual.
/// </summary>
public interface IMessagePreview
{
    Task<bool> TryHandleAsync(BotContext ctx);
}

/// <summary>Votes on native polls (regular and quiz).</summary>
public interface IPollAnswerHandler
{
    Task HandleAsync(PollAnswer answer, CancellationToken ct);
}

/// <summary>
/// New counts of a poll the bot sent. For anonymous polls Telegram sends only these (no poll_answer, no voter);
/// they also arrive when a poll is closed.
/// </summary>
public interface IPollUpdateHandler
{
    Task HandleAsync(Poll poll, CancellationToken ct);
}

/// <summary>
/// Everything from group chats (messages addressed to the bot, button presses under its group messages, the bot
/// added or removed). Without one registered, the bot points people in groups to the private chat.
/// </summary>
public interface IGroupUpdateHandler
{
    Task OnMessageAsync(Update update, Message message, CancellationToken ct);

    Task OnCallbackAsync(Update update, CallbackQuery callback, CancellationToken ct);

    Task OnMembershipAsync(ChatMemberUpdated change, CancellationToken ct);
}

public sealed record CommandRoute(string Command, Type Handler, Access Access, string? MenuTextKey);

public sealed record CallbackRoute(string Prefix, Type Handler, Access Access);

public sealed record DialogRoute(string Name, Type Handler);

/// <summary>The command that greets someone who has not joined yet and writes outside any dialog.</summary>
public sealed record NewcomerRoute(Type Handler);

/// <summary>Callback data is "prefix:arg1:arg2…", at most 64 bytes.</summary>
public sealed record CallbackData(string Prefix, IReadOnlyList<string> Args)
{
    public string Arg(int i) => i < Args.Count ? Args[i] : "";

    public int? IntArg(int i) => int.TryParse(Arg(i), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    public long? LongArg(int i) => long.TryParse(Arg(i), System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : null;

    public static CallbackData? Parse(string? data)
    {
        if (string.IsNullOrEmpty(data) || System.Text.Encoding.UTF8.GetByteCount(data) > 64)
        {
            return null;
        }

        var parts = data.Split(':');
        return parts[0].Length == 0 ? null : new CallbackData(parts[0], parts[1..]);
    }

    public static string Build(string prefix, params object[] args) =>
        args.Length == 0 ? prefix : prefix + ":" + string.Join(':', args.Select(a => Convert.ToString(a, System.Globalization.CultureInfo.InvariantCulture)));
}

public static class RoutingRegistration
{
    public static IServiceCollection AddCommand<T>(this IServiceCollection services, string command, Access access, string? menuTextKey = null)
        where T : class, ICommandHandler
    {
        services.AddScoped<T>();
        services.AddSingleton(new CommandRoute(command, typeof(T), access, menuTextKey));
        return services;
    }

    public static IServiceCollection AddCallback<T>(this IServiceCollection services, string prefix, Access access)
        where T : class, ICallbackHandler
    {
        services.AddScoped<T>();
        services.AddSingleton(new CallbackRoute(prefix, typeof(T), access));
        return services;
    }

    /// <summary>Runs <typeparamref name="T"/> (a registered command) for a newcomer's first words.</summary>
    public static IServiceCollection AddNewcomerGreeting<T>(this IServiceCollection services)
        where T : class, ICommandHandler
    {
        services.AddSingleton(new NewcomerRoute(typeof(T)));
        return services;
    }

    public static IServiceCollection AddDialog<T>(this IServiceCollection services, string name)
        where T : class, IDialogHandler
    {
        services.AddScoped<T>();
        services.AddSingleton(new DialogRoute(name, typeof(T)));
        return services;
    }
}
