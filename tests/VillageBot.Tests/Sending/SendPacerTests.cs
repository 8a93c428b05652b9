using System.Diagnostics;
using Microsoft.Extensions.Options;
using VillageBot.Features.Sending;

namespace VillageBot.Tests.Sending;

public sealed class SendPacerTests
{
    [Fact]
    public async Task Global_rate_is_kept_over_many_sends()
    {
        var pacer = new SendPacer(Options.Create(new PacingOptions { MessagesPerSecond = 100 }));
        var watch = Stopwatch.StartNew();
        for (var chat = 1; chat <= 60; chat++)
        {
            await pacer.RunAsync(chat, () => Task.FromResult(0), CancellationToken.None);
        }

        // 60 messages at 100 a second, of which at most 5 may go at once after an idle start: at least 0.54 s.
        Assert.InRange(watch.Elapsed.TotalSeconds, 0.54, 3);
    }

    [Fact]
    public async Task One_chat_gets_at_most_one_message_per_interval_and_only_one_send_runs_at_a_time()
    {
        var pacer = new SendPacer(Options.Create(new PacingOptions { MessagesPerSecond = 1000, PerChatIntervalMs = 300 }));
        var times = new List<TimeSpan>();
        var inFlight = 0;
        var maxInFlight = 0;
        await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => pacer.RunAsync(42, async () =>
        {
            maxInFlight = Math.Max(maxInFlight, Interlocked.Increment(ref inFlight));

            // When the pacer let this send through (not when this thread got to run, which a busy machine delays).
            lock (times)
            {
                times.Add(pacer.LastSendAt(42)!.Value);
            }

            await Task.Yield();
            Interlocked.Decrement(ref inFlight);
            return 0;
        }, CancellationToken.None)));

        times.Sort();
        Assert.True(times[1] - times[0] >= TimeSpan.FromMilliseconds(300), $"{times[1] - times[0]}");
        Assert.True(times[2] - times[1] >= TimeSpan.FromMilliseconds(300), $"{times[2] - times[1]}");
        Assert.Equal(1, maxInFlight);
        Assert.True(pacer.ChatWait(42) > TimeSpan.Zero);
        Assert.Equal(TimeSpan.Zero, pacer.ChatWait(43));
    }

    [Fact]
    public async Task A_chats_interval_counts_from_when_its_slow_send_was_answered()
    {
        // Telegram counts a group's messages as they arrive: a request that took long must not let the next one follow it closely.
        var pacer = new SendPacer(Options.Create(new PacingOptions { MessagesPerSecond = 1000, PerChatIntervalMs = 300 }));
        var spans = new List<(TimeSpan Start, TimeSpan End)>();
        for (var i = 0; i < 2; i++)
        {
            await pacer.RunAsync(7, async () =>
            {
                var start = pacer.Elapsed;
                await Task.Delay(i == 0 ? 500 : 0);
                spans.Add((start, pacer.Elapsed));
                return 0;
            }, CancellationToken.None);
        }

        Assert.True(spans[1].Start - spans[0].End >= TimeSpan.FromMilliseconds(300), $"The second send began {spans[1].Start - spans[0].End} after the first was answered.");
    }
}
