using System.ComponentModel.DataAnnotations;

namespace VillageBot.Features.Digest;

/// <summary>The monthly "you said, we did" digest (section "Digest").</summary>
public sealed class DigestOptions
{
    public const string Section = "Digest";

    public bool Enabled { get; set; } = true;

    /// <summary>Day of the month (village time) the digest of the month before goes out.</summary>
    [Range(1, 28)]
    public int Day { get; set; } = 1;

    /// <summary>Hour of that day (village time); quiet hours still apply.</summary>
    [Range(0, 23)]
    public int Hour { get; set; } = 10;

    /// <summary>A digest not sent within this many days of its day (the bot was down) is not sent at all.</summary>
    [Range(1, 27)]
    public int LateDays { get; set; } = 7;

    /// <summary>No figure that comes from fewer people than this is shown (poll answers, supporters).</summary>
    [Range(1, 100)]
    public int MinPeople { get; set; } = 5;
}
