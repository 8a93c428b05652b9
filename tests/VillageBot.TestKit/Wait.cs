namespace VillageBot.TestKit;

/// <summary>Waiting for something the bot does in the background that is not a message.</summary>
public static class Wait
{
    /// <summary>Checks the condition until it holds; throws when it has not within the timeout (10 s unless given).</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (!condition())
        {
            if (DateTime.UtcNow >= until)
            {
                throw new TimeoutException($"Condition not reached within {timeout ?? TimeSpan.FromSeconds(10)}");
            }

            await Task.Delay(20);
        }
    }
}
