using Microsoft.Extensions.DependencyInjection;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;
using VillageBot.Tests.Reports;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>The bot itself on PostgreSQL (Storage:Provider=PostgreSql): a resident joins and reports, a coordinator is told.</summary>
public sealed class PostgreSqlHostTests(PostgreSqlCluster cluster) : ReportTest, IClassFixture<PostgreSqlCluster>
{
    private readonly string _database = cluster.NewDatabase();

    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "PostgreSql",
        ["Storage:ConnectionString"] = _database,
    };

    [Fact]
    public async Task A_member_joins_and_reports_and_the_coordinator_hears_of_it_with_everything_kept_in_postgresql()
    {
        Assert.IsType<PostgreSqlStore>(Host.Db);
        var coordinator = await CoordinatorAsync("kalsnava");
        var user = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(user, "Huge pothole on the road by the school");
        await coordinator.ExpectTextAsync(reference);

        var report = StoredReport(reference);
        Assert.Equal((user.Id, ReportStatus.New), (report.ReporterId, report.Status));
        Assert.Equal(Host.Db.Residents.FindById(user.Id)!.VillageId, report.VillageId);
        Assert.Equal([coordinator.Id], Host.Services.GetRequiredService<ReportView>().Coordinators(report.VillageId).Select(c => c.Id));

        Host = await Host.RestartAsync();
        user.Send("/myreports");
        await user.ExpectTextAsync(reference);
        Assert.True(Host.Db.Collection<Report>(ReportStore.CollectionName).Exists(r => r.Reference == reference));
    }
}
