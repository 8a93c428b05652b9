namespace VillageBot.Features.FreeText;

/// <summary>The settings <c>eval-intent --tune</c> compares on the dev split.</summary>
public static class IntentTuning
{
    public static IEnumerable<IntentSettings> Candidates()
    {
        yield return IntentSettings.Default;
        yield return IntentSettings.Default with { CharNgrams = 4, AllCharLengths = false, MaxIterations = 50 };
        yield return IntentSettings.Default with { CharNgrams = 3, AllCharLengths = true, MaxIterations = 50 };
        yield return IntentSettings.Default with { CharNgrams = 5, AllCharLengths = false, WordNgrams = 1, MaxIterations = 50 };
        yield return IntentSettings.Default with { L2 = 0.1f, MaxIterations = 50 };
    }
}
