using VillageBot.Conversation;

namespace VillageBot.Features.Broadcasts;

/// <summary>
/// Something /broadcast offers besides a text message (a poll): a button once the village is chosen, after
/// which the feature's own dialog takes over. Register with services.AddBroadcastComposer&lt;T&gt;().
/// </summary>
public interface IBroadcastComposer
{
    /// <summary>The button's value ("poll"); "text" is the broadcast's own.</summary>
    string Kind { get; }

    /// <summary>The text key of the button's label.</summary>
    string LabelKey { get; }

    /// <summary>Starts the feature's dialog for the village already chosen.</summary>
    Task BeginAsync(BotContext ctx, Village village);
}
