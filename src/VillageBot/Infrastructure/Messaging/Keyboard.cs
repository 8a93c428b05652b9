namespace VillageBot.Infrastructure.Messaging;

/// <summary>A button under a message: callback data (at most 64 bytes) or a link.</summary>
public sealed record Button(string Text, string? Data = null, string? Url = null);

/// <summary>An inline keyboard, transport-neutral so the local chat page and Telegram render the same thing.</summary>
public sealed class Keyboard
{
    public List<List<Button>> Rows { get; } = [];

    public static Keyboard Of(params Button[][] rows)
    {
        var k = new Keyboard();
        foreach (var row in rows)
        {
            k.Rows.Add([.. row]);
        }

        return k;
    }

    public static Keyboard Column(IEnumerable<Button> buttons)
    {
        var k = new Keyboard();
        foreach (var b in buttons)
        {
            k.Rows.Add([b]);
        }

        return k;
    }

    public Keyboard Row(params Button[] buttons)
    {
        Rows.Add([.. buttons]);
        return this;
    }
}
