using System.Text.RegularExpressions;

namespace VillageBot.Tests.Architecture;

/// <summary>
/// Features may use one another, but never in a circle: a part two features both need (the village picker, the
/// pace and quiet hours of sending) lives in a place neither owns. A feature uses another when one of its files
/// names the other's namespace (a using directive or a qualified name).
/// </summary>
public sealed partial class FeatureDependencyTests
{
    [Fact]
    public void No_features_depend_on_each_other_in_a_circle()
    {
        var uses = Uses();

        Assert.Contains("Broadcasts", uses["Polls"].Keys);
        var circles = Circles(uses.ToDictionary(u => u.Key, u => (IReadOnlyCollection<string>)u.Value.Keys))
            .Select(c => string.Join(", ", c) + ":\n" + string.Join('\n',
                from user in c
                from used in c
                where uses[user].ContainsKey(used)
                select $"  {user} uses {used} ({uses[user][used]})"))
            .ToList();
        Assert.True(circles.Count == 0, "Features use each other in a circle (move what they share to a place neither owns):\n" + string.Join('\n', circles));
    }

    [Fact]
    public void A_circle_is_found_and_one_way_use_is_not()
    {
        var graph = new Dictionary<string, IReadOnlyCollection<string>>
        {
            ["Polls"] = ["Broadcasts", "Membership"],
            ["Broadcasts"] = ["Nudges", "Membership"],
            ["Nudges"] = ["Polls"],
            ["Quizzes"] = ["Broadcasts"],
            ["Membership"] = [],
        };

        Assert.Equal(["Broadcasts", "Nudges", "Polls"], Assert.Single(Circles(graph)).Order());
        graph["Nudges"] = ["Membership"];
        Assert.Empty(Circles(graph));
    }

    [Theory]
    [InlineData("using VillageBot.Features.Nudges;", "Nudges")]
    [InlineData("using Quiet = VillageBot.Features.Nudges.QuietHours;", "Nudges")]
    [InlineData("services.AddSingleton<Features.Nudges.QuietHours>();", "Nudges")]
    [InlineData("var hours = Nudges.QuietHours.Default;", "Nudges")]
    public void A_use_of_another_feature_is_recognised(string line, string feature) =>
        Assert.Equal(feature, Assert.Single(Named(line, ["Nudges", "Polls"])));

    [Theory]
    [InlineData("var open = store.Polls.Find(p => p.Open);")]
    [InlineData("using VillageBot.Infrastructure.Jobs;")]
    [InlineData("if (server.Features.Get<IServerAddressesFeature>() is { } addresses)")]
    public void Other_names_are_not_taken_for_a_use(string line) => Assert.Empty(Named(line, ["Nudges", "Polls"]));

    /// <summary>For each feature folder: the features it uses, each with the first place that shows it.</summary>
    private static Dictionary<string, Dictionary<string, string>> Uses()
    {
        var root = Path.Combine(SourceTree.BotFolder, "Features");
        var features = Directory.GetDirectories(root).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var uses = features.ToDictionary(f => f, _ => new Dictionary<string, string>(StringComparer.Ordinal));
        foreach (var feature in features)
        {
            foreach (var file in SourceTree.Files(Path.Combine("Features", feature)))
            {
                var code = SourceTree.Code(file);
                foreach (var (other, index) in References(code, features).Where(r => r.Feature != feature))
                {
                    uses[feature].TryAdd(other, $"{Path.GetRelativePath(SourceTree.BotFolder, file)}:{code[..index].Count(c => c == '\n') + 1}");
                }
            }
        }

        return uses;
    }

    private static IEnumerable<string> Named(string line, IReadOnlyList<string> features) => References(line, features).Select(r => r.Feature);

    /// <summary>
    /// The features a piece of code names: by the full namespace, by "Features.X" (from inside VillageBot), or by
    /// "X." followed by a type (from inside another feature's namespace).
    /// </summary>
    private static IEnumerable<(string Feature, int Index)> References(string code, IReadOnlyCollection<string> features)
    {
        foreach (Match m in Qualified().Matches(code))
        {
            if (features.Contains(m.Groups["name"].Value))
            {
                yield return (m.Groups["name"].Value, m.Index);
            }
        }

        var shortName = new Regex(@"(?<![\w.])(?<name>" + string.Join('|', features.Select(Regex.Escape)) + @")\.(?=[A-Z])");
        foreach (Match m in shortName.Matches(code))
        {
            yield return (m.Groups["name"].Value, m.Index);
        }
    }

    /// <summary>The circles of a graph: each group of nodes that can all reach one another (Tarjan's strongly connected components of two or more).</summary>
    private static List<List<string>> Circles(IReadOnlyDictionary<string, IReadOnlyCollection<string>> graph)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var circles = new List<List<string>>();

        void Visit(string node)
        {
            index[node] = low[node] = index.Count;
            stack.Push(node);
            foreach (var next in graph.GetValueOrDefault(node, []))
            {
                if (!index.ContainsKey(next))
                {
                    Visit(next);
                    low[node] = Math.Min(low[node], low[next]);
                }
                else if (stack.Contains(next))
                {
                    low[node] = Math.Min(low[node], index[next]);
                }
            }

            if (low[node] == index[node])
            {
                var group = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    group.Add(member);
                }
                while (member != node);

                if (group.Count > 1)
                {
                    group.Reverse();
                    circles.Add(group);
                }
            }
        }

        foreach (var node in graph.Keys.Order(StringComparer.Ordinal).Where(n => !index.ContainsKey(n)))
        {
            Visit(node);
        }

        return circles;
    }

    [GeneratedRegex(@"\bVillageBot\.Features\.(?<name>\w+)|(?<![\w.])Features\.(?<name>[A-Z]\w*)")]
    private static partial Regex Qualified();
}
