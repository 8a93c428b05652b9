using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.Time.Testing;
using VillageBot.Features.AdminWeb;
using VillageBot.Infrastructure.Charts;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Tests.AdminWeb;

public sealed class LoginLinksTests : IDisposable
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2025, 3, 1, 9, 0, 0, TimeSpan.Zero));
    private readonly LiteDbStore _db = new(Options.Create(new StorageOptions { DataDirectory = BotHost.NewDataDirectory() }));

    private LoginLinks Links() => new(_db, Options.Create(new WebOptions()), _time);

    [Fact]
    public void A_link_works_for_ten_minutes_and_only_once()
    {
        var links = Links();
        var token = links.Issue(42);
        _time.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal((LinkState.Valid, 42L), links.Peek(token));
        Assert.Equal((LinkState.Valid, 42L), links.Redeem(token));
        Assert.Equal(LinkState.Used, links.Redeem(token).State);

        var late = links.Issue(42);
        _time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(LinkState.Expired, links.Redeem(late).State);
        Assert.Equal(LinkState.Unknown, links.Redeem("not-a-token").State);
        Assert.Equal(LinkState.Unknown, links.Redeem(new string('a', 500)).State);
    }

    [Fact]
    public void A_new_link_voids_the_older_unused_one_and_only_hashes_are_stored()
    {
        var links = Links();
        var first = links.Issue(7);
        var second = links.Issue(7);
        Assert.Equal(LinkState.Unknown, links.Peek(first).State);
        Assert.Equal(LinkState.Valid, links.Peek(second).State);
        var stored = Assert.Single(_db.Collection<LoginLink>("web_logins").FindAll());
        Assert.NotEqual(second, stored.TokenHash);
        Assert.Equal(64, stored.TokenHash.Length);
        Assert.True(second.Length >= 43, "256 random bits");

        links.Erase(7);
        Assert.Equal(LinkState.Unknown, links.Peek(second).State);
    }

    public void Dispose() => _db.Dispose();
}

public sealed class ReportFilterTests
{
    [Fact]
    public void Query_values_are_parsed_and_nonsense_is_reported_not_used()
    {
        var f = ReportFilter.Parse(new QueryCollection(new Dictionary<string, StringValues>
        {
            ["village"] = "3",
            ["category"] = "energy",
            ["pillar"] = "galactic",
            ["status"] = "in_progress",
            ["cmin"] = "20",
            ["cmax"] = "180",
            ["from"] = "2025-02-30",
            ["to"] = "2025-03-31",
            ["page"] = "0",
        }));
        Assert.Equal((3, "energy", null, "in_progress", 20, null), (f.Village, f.Category, f.Pillar, f.Status, f.MinConfidence, f.MaxConfidence));
        Assert.Equal((null, new DateOnly(2025, 3, 31), 1), (f.From, f.To, f.Page));
        Assert.Equal(["pillar", "cmax", "from", "page"], f.Ignored);
        Assert.Equal("village=3&category=energy&status=in_progress&cmin=20&to=2025-03-31", f.ToQuery());
        Assert.Equal("village=3&category=energy&status=in_progress&cmin=20&to=2025-03-31&page=2", f.ToQuery(2));
    }
}

public sealed class SvgChartTests
{
    [Theory]
    [InlineData(0, null, 1, 1)]
    [InlineData(4, null, 4, 1)]
    [InlineData(13, null, 15, 5)]
    [InlineData(97, null, 100, 20)]
    [InlineData(1234, null, 1500, 500)]
    [InlineData(0.4, null, 0.4, 0.1)]
    [InlineData(2.2, 3.0, 3, 1)]
    [InlineData(67, 100.0, 100, 20)]
    [InlineData(0, 0.0, 1, 1)]
    public void Axes_start_at_0_and_end_at_the_measures_own_end_or_a_round_number(double largest, double? fixedMax, double max, double step) =>
        Assert.Equal((max, step), ChartRules.Axis(largest, fixedMax));

    private static async Task<string> BarsAsync(string title, IReadOnlyList<(string, double, string)> bars, CultureInfo culture, string format = "0", double? max = null)
    {
        var services = new ServiceCollection().AddLogging().BuildServiceProvider();
        await using var renderer = new HtmlRenderer(services, services.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<BarsChart>(ParameterView.FromDictionary(new Dictionary<string, object?>
        {
            ["Id"] = "x", ["Title"] = title, ["Description"] = "Description", ["Bars"] = bars, ["Culture"] = culture, ["ValueFormat"] = format, ["Max"] = max,
        }))).ToHtmlString());
    }

    [Fact]
    public async Task Labels_are_encoded_and_the_chart_is_described_for_screen_readers()
    {
        var svg = await BarsAsync("Title <b>", [("<script>", 3, "#000000")], CultureInfo.InvariantCulture);
        Assert.Contains("role=\"img\" aria-labelledby=\"x-t x-d\"", svg);
        Assert.Contains("<title id=\"x-t\">Title &lt;b&gt;</title>", svg);
        Assert.DoesNotContain("<script>", svg);
    }

    [Fact]
    public async Task A_bar_of_2_on_a_scale_of_3_fills_two_thirds_and_numbers_are_written_as_latvian_writes_them()
    {
        var svg = await BarsAsync("Confidence", [("Budget", 2.0, "#0072B2"), ("Data", 1.5, "#E69F00")], CultureInfo.GetCultureInfo("lv-LV"), "0.0", max: 3);
        var track = double.Parse(Regex.Match(svg, "class=\"track\"[^>]* width=\"([0-9.]+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        var bars = Regex.Matches(svg, "class=\"bar\"[^>]* width=\"([0-9.]+)\"").Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(2.0 / 3, bars[0] / track, 2);
        Assert.Equal(0.5, bars[1] / track, 2);
        Assert.Contains(">2,0</text>", svg);
        Assert.Contains(">1,5</text>", svg);
        Assert.Contains(">3</text>", svg);
    }

    [Fact]
    public void A_thing_keeps_its_colour_on_every_chart()
    {
        Assert.Equal(9, VillageBot.Features.Reports.Categories.All.Select(VillageBot.Features.Reports.Categories.Colour).Distinct().Count());
        Assert.Equal(4, VillageBot.Features.Reports.Categories.Pillars.Select(VillageBot.Features.Reports.Categories.PillarColour).Distinct().Count());
        Assert.Equal(ChartRules.ColourOf(VillageBot.Features.Reports.Categories.All, "energy"), VillageBot.Features.Reports.Categories.Colour("energy"));
    }
}
