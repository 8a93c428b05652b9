using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using VillageBot.Cli;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;
using VillageBot.Tests.Reports;
using static VillageBot.Tests.Polls.PollSteps;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>
/// <c>migrate --from litedb --to postgresql</c>: a village used on LiteDB, the bot stopped, the file copied into a
/// fresh PostgreSQL database, and the bot started there finds everything (its keys too); a second run changes nothing.
/// </summary>
public sealed class MigrateTests(PostgreSqlCluster cluster) : ReportTest, IClassFixture<PostgreSqlCluster>
{
    private static readonly string[] Args = ["--from", "litedb", "--to", "postgresql"];

    private readonly string _database = cluster.NewDatabase();

    /// <summary>The village starts on LiteDB whatever VILLAGEBOT_TEST_STORAGE says.</summary>
    protected override IDictionary<string, string?>? Settings => new Dictionary<string, string?> { ["Storage:Provider"] = "LiteDb" };

    [Fact]
    public async Task A_village_moved_to_postgresql_keeps_its_members_reports_and_votes_and_a_second_run_changes_nothing()
    {
        var coordinator = await CoordinatorAsync("kalsnava");
        var user = await MemberAsync("en", "kalsnava");
        var reference = await ReportAsync(user, "Huge pothole on the road by the school");
        await coordinator.ExpectTextAsync(reference);
        await CreatePollAsync(coordinator, "Where should the bench go?", ["By the shop", "At the bus stop"]);
        var poll = await user.ExpectAsync(e => e.Method == "sendPoll");
        Api.AnswerPoll(user.Id, poll.Poll!.Id, 1);
        await user.ExpectTextAsync("your vote has been counted: At the bus stop");
        await Host.IdleAsync();
        var signed = Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("migrate").Protect("kalsnava");
        var source = Host.DataDirectory;
        await Host.DisposeAsync();

        // The command refuses a file any handle still holds, as it must while a bot runs; a stopped host lets go of it.
        await WaitUntilAsync(() => !StorageCli.InUse(Path.Combine(source, LiteDbStore.FileName)));

        var (code, output, errors) = await MigrateAsync(source, _database);
        Assert.True(code == 0, output + errors);
        var lines = output.TrimEnd().Split('\n');
        Assert.Equal("ok", lines[^1]);
        Assert.Contains("reports: 1 copied (source 1, target 1)", lines);
        Assert.Contains("poll_messages: 2 copied (source 2, target 2)", lines);
        Assert.Contains(lines, l => l.StartsWith("residents: ", StringComparison.Ordinal));
        Assert.Contains("inbox", output);
        Assert.Contains(lines, l => l.StartsWith("dataprotection_keys: ", StringComparison.Ordinal));
        var copied = Rows();

        var again = await MigrateAsync(source, _database);
        Assert.Equal((0, output), (again.Code, again.Output));
        Assert.Equal(copied, Rows());
        Assert.Contains(Indexes(), i => i.StartsWith("CREATE UNIQUE INDEX \"reports_Reference_", StringComparison.Ordinal) && i.Contains(" ON villagebot.reports ", StringComparison.Ordinal));
        Assert.Contains(Indexes(), i => i.StartsWith("CREATE UNIQUE INDEX \"villages_Code_", StringComparison.Ordinal) && i.Contains(" ON villagebot.villages ", StringComparison.Ordinal));

        Host = await BotHost.StartAsync(Api, settings: new Dictionary<string, string?> { ["Storage:Provider"] = "PostgreSql", ["Storage:ConnectionString"] = _database }, configure: TestServices);
        Assert.IsType<PostgreSqlStore>(Host.Db);
        Assert.Equal("kalsnava", Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("migrate").Unprotect(signed));
        user.Send("/myreports");
        await user.ExpectTextAsync(reference);
        coordinator.Send("/results");
        var list = await coordinator.ExpectAsync(e => e.AllButtons.Any(b => b.Data!.StartsWith("pr:", StringComparison.Ordinal)));
        coordinator.Click(list.AllButtons.First().Data!);
        var results = await coordinator.ExpectTextAsync("Voted: 1 of");
        Assert.Contains("At the bus stop — 1 (100%)", results.Text);

        // A new report on PostgreSQL is numbered after the copied one.
        var next = await ReportAsync(user, "The street light by the shop is broken");
        Assert.NotEqual(reference, next);
        await coordinator.ExpectTextAsync(next);

        // Once the bot has written to PostgreSQL the two sides differ, and a run says so.
        var after = await MigrateAsync(source, _database);
        Assert.Equal(1, after.Code);
        Assert.Contains("reports: 1 copied (source 1, target 2)", after.Output, StringComparison.Ordinal);
        Assert.Matches(@"\nmismatch: .*\breports\b.*\n$", after.Output);
    }

    [Theory]
    [InlineData("--from litedb --to mysql", "Only --from litedb --to postgresql is supported.")]
    [InlineData("--from postgresql --to litedb", "Only --from litedb --to postgresql is supported.")]
    [InlineData("--from litedb", "Only --from litedb --to postgresql is supported.")]
    [InlineData("--from litedb --to postgresql --force", "--force")]
    public async Task Other_arguments_are_refused_and_nothing_is_written(string args, string why)
    {
        await Host.DisposeAsync();
        var (code, output, errors) = await MigrateAsync(Host.DataDirectory, _database, args.Split(' '));

        Assert.Equal((CommandLine.BadInput, ""), (code, output));
        Assert.StartsWith(StorageCli.Usage, errors, StringComparison.Ordinal);
        Assert.Contains(why, errors, StringComparison.Ordinal);
        Assert.False(SchemaExists());
    }

    [Fact]
    public async Task A_missing_file_a_missing_connection_string_and_a_running_bot_are_refused_and_nothing_is_written()
    {
        var empty = BotHost.NewDataDirectory();
        var missing = await MigrateAsync(empty, _database);
        Assert.Equal(CommandLine.BadInput, missing.Code);
        Assert.Contains($"No LiteDB file at {Path.Combine(empty, LiteDbStore.FileName)}", missing.Errors, StringComparison.Ordinal);
        Assert.False(Directory.Exists(empty));

        var running = await MigrateAsync(Host.DataDirectory, _database);
        Assert.Equal(CommandLine.BadInput, running.Code);
        Assert.Contains("stop the bot first", running.Errors, StringComparison.Ordinal);

        await Host.DisposeAsync();
        var noTarget = await MigrateAsync(Host.DataDirectory, "");
        Assert.Equal((CommandLine.BadInput, ""), (noTarget.Code, noTarget.Output));
        Assert.Contains("Storage:ConnectionString is not set", noTarget.Errors, StringComparison.Ordinal);
        Assert.False(SchemaExists());
    }

    private static async Task<(int Code, string Output, string Errors)> MigrateAsync(string dataDirectory, string connectionString, string[]? args = null)
    {
        using var output = new StringWriter { NewLine = "\n" };
        using var errors = new StringWriter { NewLine = "\n" };
        var settings = new Dictionary<string, string?> { ["Storage:DataDirectory"] = dataDirectory, ["Storage:ConnectionString"] = connectionString };
        var code = await StorageCli.MigrateAsync(args ?? Args, output, errors, settings);
        return (code, output.ToString(), errors.ToString());
    }

    /// <summary>Every row of every table of the documents' schema, as text, in order.</summary>
    private List<string> Rows()
    {
        using var db = Open();
        var tables = Strings(db, $"SELECT table_name FROM information_schema.tables WHERE table_schema = '{PostgreSqlStore.Schema}' ORDER BY table_name");
        return [.. tables.SelectMany(t => Strings(db, $"SELECT '{t}:' || id || ' ' || data::text FROM {PostgreSqlStore.Schema}.\"{t}\" ORDER BY id"))];
    }

    private List<string> Indexes()
    {
        using var db = Open();
        return Strings(db, $"SELECT indexdef FROM pg_indexes WHERE schemaname = '{PostgreSqlStore.Schema}'");
    }

    private bool SchemaExists()
    {
        using var db = Open();
        return Strings(db, $"SELECT schema_name FROM information_schema.schemata WHERE schema_name = '{PostgreSqlStore.Schema}'").Count > 0;
    }

    private NpgsqlConnection Open()
    {
        var db = new NpgsqlConnection(_database);
        db.Open();
        return db;
    }

    private static List<string> Strings(NpgsqlConnection db, string sql)
    {
        using var command = new NpgsqlCommand(sql, db);
        using var reader = command.ExecuteReader();
        var found = new List<string>();
        while (reader.Read())
        {
            found.Add(reader.GetString(0));
        }

        return found;
    }
}
