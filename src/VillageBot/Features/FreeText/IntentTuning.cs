namespace VillageBot.Features.FreeText;

/// <summary>The settings <c>eval-intent --tune</c> compares on the dev split.</summary>
public static class IntentTuning
{
    public static IEnumerable<IntentSettings> Candidates()
    {
        yield return IntentSettings.Default;
        yield return IntentSettings.Default with { CharNgrams = 4, AllCharLengths = false };
        yield return IntentSettings.Default with { MaxIterations = 30 };
    }
}
