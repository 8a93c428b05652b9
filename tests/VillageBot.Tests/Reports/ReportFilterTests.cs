using VillageBot.Conversation;
using VillageBot.Features.Reports;

namespace VillageBot.Tests.Reports;

public sealed class ReportFilterTests
{
    private static int? Village(string code) => code == "kalsnava" ? 7 : null;

    private static string? Label(string word) => word switch
    {
        "jauns" => ReportStatus.New,
        "vide" => "environment",
        _ => null,
    };

    [Fact]
    public void No_words_mean_open_reports_of_every_managed_village()
    {
        var f = ReportFilter.Parse("", Village, Label, out _)!;
        Assert.Equal([ReportStatus.New, ReportStatus.Acknowledged, ReportStatus.InProgress], f.StatusList);
        Assert.Null(f.Category);
        Assert.Null(f.VillageId);
    }

    [Theory]
    [InlineData("in-progress Environment", ReportStatus.InProgress, "environment", null)]
    [InlineData("safety resolved village=kalsnava", ReportStatus.Resolved, "safety", 7)]
    [InlineData("progress", ReportStatus.InProgress, null, null)]
    [InlineData("vide jauns", ReportStatus.New, "environment", null)]
    public void Words_in_any_order_set_status_category_and_village(string args, string status, string? category, int? village)
    {
        var f = ReportFilter.Parse(args, Village, Label, out _)!;
        Assert.Equal([status], f.StatusList);
        Assert.Equal(category, f.Category);
        Assert.Equal(village, f.VillageId);
    }

    [Theory]
    [InlineData("weather", "weather")]
    [InlineData("new village=atlantis", "village=atlantis")]
    public void Unknown_words_are_named(string args, string unknown)
    {
        Assert.Null(ReportFilter.Parse(args, Village, Label, out var word));
        Assert.Equal(unknown, word);
    }

    [Fact]
    public void A_filter_survives_the_round_trip_through_a_button()
    {
        var f = new ReportFilter(ReportStatus.InProgress, "environment", 12345);
        var data = CallbackData.Parse(f.ToCallback(10))!;
        Assert.True(System.Text.Encoding.UTF8.GetByteCount(f.ToCallback(10000)) <= 64);
        Assert.Equal(10, data.IntArg(0));
        Assert.Equal(f, ReportFilter.FromCallback(data));
        Assert.Null(ReportFilter.FromCallback(CallbackData.Parse("rpl:0:weird:-:0")!));
        Assert.Null(ReportFilter.FromCallback(CallbackData.Parse("rpl:0:open:weather:0")!));
    }
}
