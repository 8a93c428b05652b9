using VillageBot.Infrastructure.Charts;

namespace VillageBot.Tests.Infrastructure;

public sealed class BarChartTests
{
    [Fact]
    public void Bar_chart_renders_a_png_without_a_display()
    {
        var png = BarChart.Render("Ceļi un transports", [("Jā, ļoti", 12), ("Daļēji", 5), ("Нет", 0)]);
        Assert.True(png.Length > 1000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "villagebot-chart-test.png"), png);
    }
}
