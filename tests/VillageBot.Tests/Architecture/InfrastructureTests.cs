using System.Text.RegularExpressions;

namespace VillageBot.Tests.Architecture;

public sealed partial class InfrastructureTests
{
    [Fact]
    public void Infrastructure_references_no_feature()
    {
        var offenders = (
            from file in SourceTree.Files("Infrastructure")
            let code = SourceTree.Code(file)
            from Match m in FeatureReference().Matches(code)
            select $"{Path.GetRelativePath(SourceTree.BotFolder, file)}:{code[..m.Index].Count(c => c == '\n') + 1}: {m.Value}").ToList();

        Assert.NotEmpty(SourceTree.Files("Infrastructure"));
        Assert.True(offenders.Count == 0, "Infrastructure/ names features (a feature registers itself; the host wires them):\n" + string.Join('\n', offenders));
    }

    [Theory]
    [InlineData("using VillageBot.Features.AdminWeb;")]
    [InlineData("Authorization = [new global::VillageBot.Features.AdminWeb.AdminDashboardAuthorization()],")]
    [InlineData("Authorization = [new Features.AdminWeb.AdminDashboardAuthorization()],")]
    [InlineData("using Web = VillageBot.Features.AdminWeb.WebOptions;")]
    public void A_feature_reference_is_recognised(string line) => Assert.Matches(FeatureReference(), line);

    [Theory]
    [InlineData("using Microsoft.AspNetCore.Hosting.Server.Features;")]
    [InlineData("if (server.Features.Get<IServerAddressesFeature>() is { } addresses)")]
    public void Other_features_are_not_taken_for_the_bots(string line) => Assert.DoesNotMatch(FeatureReference(), line);

    /// <summary>The namespace by its full name, or by the short name code in a VillageBot namespace resolves to it.</summary>
    [GeneratedRegex(@"\bVillageBot\.Features\b|(?<![\w.])Features\.[A-Z]\w*")]
    private static partial Regex FeatureReference();
}
