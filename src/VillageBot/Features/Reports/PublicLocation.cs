namespace VillageBot.Features.Reports;

/// <summary>
/// A report's location where others see it (Open311, the admin web's map for anonymous reports): rounded to
/// <see cref="Decimals"/> decimals, about 100 m, so that a point does not lead to someone's door.
/// </summary>
public static class PublicLocation
{
    public const int Decimals = 3;

    public static double Round(double degrees) => Math.Round(degrees, Decimals, MidpointRounding.AwayFromZero);
}
