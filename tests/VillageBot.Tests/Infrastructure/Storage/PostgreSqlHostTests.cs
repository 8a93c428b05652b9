using System.Text.Json;
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

    [Fact]
    public async Task Healthz_asks_postgresql_and_the_jobs_live_there_in_their_own_schema()
    {
        using var client = Host.CreateClient();
        using var health = JsonDocument.Parse(await client.GetStringAsync("/healthz"));
        var storage = health.RootElement.GetProperty("checks").GetProperty("storage");
        Assert.Equal("healthy", storage.GetProperty("status").GetString());
        Assert.StartsWith("postgresql://", storage.GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.IsType<Hangfire.PostgreSql.PostgreSqlStorage>(Host.Services.GetRequiredService<Hangfire.JobStorage>());

        await using var connection = new Npgsql.NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var schemas = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.schemata WHERE schema_name IN ('villagebot', 'hangfire')", connection);
        Assert.Equal(2L, await schemas.ExecuteScalarAsync());
    }
}
