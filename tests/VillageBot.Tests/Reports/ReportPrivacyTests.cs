using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using VillageBot.Infrastructure.Privacy;

namespace VillageBot.Tests.Reports;

public sealed class ReportPrivacyTests : ReportTest
{
    [Fact]
    public async Task Export_holds_the_persons_reports_and_erase_keeps_them_without_the_person()
    {
        var coordinator = await CoordinatorAsync();
        var reporter = await MemberAsync("en");
        var reference = await ReportAsync(reporter, "Pothole on the road by the school");
        var supporter = await MemberAsync("en");
        var supported = await ReportAsync(supporter, "Rubbish dumped in the forest by the lake");
        var id = StoredReport(supported).Id;
        Store.Support(id, reporter.Id, DateTime.UtcNow, out _);
        Store.ChangeStatus(StoredReport(reference).Id, "new", "acknowledged", "Seen", coordinator.Id, DateTime.UtcNow);

        var data = Host.Services.GetServices<IPersonalData>().Single(p => p.Section == "reports");
        var export = JsonSerializer.Serialize(data.Export(reporter.Id));
        Assert.Contains(reference, export);
        Assert.Contains("Pothole on the road", export);
        Assert.Contains(supported, export);
        Assert.DoesNotContain("Rubbish dumped", export);
        Assert.DoesNotContain(coordinator.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), export);

        data.Erase(reporter.Id);
        data.Erase(coordinator.Id);
        var kept = StoredReport(reference);
        Assert.Null(kept.ReporterId);
        Assert.Equal("Pothole on the road by the school", kept.Text);
        Assert.Equal(0, kept.History.Single().ById);
        Assert.Empty(StoredReport(supported).Supporters);
        Assert.Equal(supporter.Id, StoredReport(supported).ReporterId);

        var admin = Admin();
        admin.Send("/reports");
        var card = await admin.ExpectTextAsync(reference);
        Assert.Contains("erased their data", card.Text);
    }
}
