using Microsoft.Extensions.DependencyInjection.Extensions;
using VillageBot.Conversation;

namespace VillageBot.Features.Groups;

/// <summary>A command in a group ("/ask@bot …"); registered with services.AddGroupCommand&lt;T&gt;("ask").</summary>
public interface IGroupCommandHandler
{
    Task HandleAsync(GroupContext ctx, string args);
}

/// <summary>A button under the bot's message in a group; registered with services.AddGroupCallback&lt;T&gt;(prefix).</summary>
public interface IGroupCallbackHandler
{
    Task HandleAsync(GroupContext ctx, CallbackData data);
}

/// <param name="MenuTextKey">The line in the group's /help, or null for none.</param>
public sealed record GroupCommandRoute(string Command, Type Handler, string? MenuTextKey);

public sealed record GroupCallbackRoute(string Prefix, Type Handler);

public static class GroupRoutingRegistration
{
    public static IServiceCollection AddGroupCommand<T>(this IServiceCollection services, string command, string? menuTextKey = null)
        where T : class, IGroupCommandHandler
    {
        services.TryAddScoped<T>();
        services.AddSingleton(new GroupCommandRoute(command, typeof(T), menuTextKey));
        return services;
    }

    public static IServiceCollection AddGroupCallback<T>(this IServiceCollection services, string prefix)
        where T : class, IGroupCallbackHandler
    {
        services.TryAddScoped<T>();
        services.AddSingleton(new GroupCallbackRoute(prefix, typeof(T)));
        return services;
    }
}
