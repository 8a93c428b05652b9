using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.LocalChat;

public static class LocalChatFeature
{
    /// <summary>The local chat page's store and messenger; the page itself is mapped only in local mode.</summary>
    public static IServiceCollection AddLocalChat(this IServiceCollection services)
    {
        services.AddOptions<LocalChatOptions>().BindConfiguration(LocalChatOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<LocalChatStore>();
        services.AddHostedService<PrepareAtStart<LocalChatStore>>();
        services.AddSingleton<LocalMessenger>();
        services.AddSingleton<IPersonalData, LocalChatPersonalData>();
        return services;
    }
}
