using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Telegram;

namespace VillageBot.Conversation;

public static class ConversationServices
{
    /// <summary>The update path: journal, inbox, one lane per chat, the router and its route table.</summary>
    public static IServiceCollection AddConversation(this IServiceCollection services)
    {
        services.AddSingleton<RouteTable>();
        services.AddScoped<UpdateRouter>();
        services.AddSingleton<ResidentLoader>();
        services.AddSingleton<UpdateInbox>();
        services.AddSingleton<UpdateJournal>();
        services.AddSingleton<UpdateDispatcher>();
        services.AddSingleton<BotStatus>();
        services.AddSingleton<IRecipientStatus, ResidentRecipientStatus>();
        return services;
    }
}
