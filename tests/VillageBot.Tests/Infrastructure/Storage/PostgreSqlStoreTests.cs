using System.Linq.Expressions;
using Npgsql;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;
using Thing = VillageBot.Tests.Infrastructure.Storage.StoreContractTests.Thing;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>
/// What only PostgreSQL has to show: a lookup on an indexed property is answered from its index, not by reading the
/// table (the filter compares exactly the expression the index is built on: a text property lowered, any other the
/// jsonb value); numbers from two instances at once never meet; a table from before the sequence numbers on.
/// </summary>
public sealed class PostgreSqlStoreTests(PostgreSqlCluster cluster) : IClassFixture<PostgreSqlCluster>
{
    [Fact]
    public void Two_instances_inserting_at_once_get_different_numbers()
    {
        var database = cluster.NewDatabase();
        using var one = new PostgreSqlStore(database);
        using var two = new PostgreSqlStore(database);
        var ids = new System.Collections.Concurrent.ConcurrentBag<int>();
        Parallel.For(0, 100, n =>
        {
            var thing = new Thing { Code = $"c{n}" };
            (n % 2 == 0 ? one : two).Collection<Thing>("things").Insert(thing);
            ids.Add(thing.Id);
        });
        Assert.Equal(Enumerable.Range(1, 100), ids.Order());
    }

    [Fact]
    public void A_table_from_before_the_sequence_numbers_on_after_its_largest_id()
    {
        var database = cluster.NewDatabase();
        using (var before = new PostgreSqlStore(database))
        {
            before.Collection<Thing>("things").InsertBulk(Enumerable.Range(1, 5).Select(n => new Thing { Code = $"c{n}" }));
        }

        Execute(database, $"DROP SEQUENCE {PostgreSqlStore.SequenceOf("things")}");
        using var after = new PostgreSqlStore(database);
        var next = new Thing { Code = "next" };
        after.Collection<Thing>("things").Insert(next);
        Assert.Equal(6, next.Id);
    }

    [Fact]
    public void Lookups_on_indexed_properties_scan_their_index_in_a_table_of_5000()
    {
        var database = cluster.NewDatabase();
        using var store = new PostgreSqlStore(database);
        var things = store.Collection<Thing>("things", i => i.On(t => t.Code, unique: true).On(t => t.Owner).On(t => t.Tags));
        things.InsertBulk(Enumerable.Range(1, 5000).Select(n => new Thing { Code = $"R-{n}", Owner = n % 1000, Tags = [n] }));
        Execute(database, "ANALYZE villagebot.things");

        var owners = new List<long> { 7, 8 };
        var codes = new List<string> { "r-7", "R-8" };
        Assert.Contains("things_Code_", Plan(database, things, t => t.Code == "r-1001"), StringComparison.Ordinal);
        Assert.Contains("things_Owner_", Plan(database, things, t => t.Owner == 7), StringComparison.Ordinal);
        Assert.Contains("things_Owner_", Plan(database, things, t => owners.Contains(t.Owner)), StringComparison.Ordinal);
        Assert.Contains("things_Code_", Plan(database, things, t => codes.Contains(t.Code)), StringComparison.Ordinal);
        Assert.Contains("things_Owner_", Plan(database, things, t => t.Owner == 7 && t.Tags.Count > 0), StringComparison.Ordinal);
        Assert.Contains("things_Tags_", Plan(database, things, t => t.Tags.Contains(4242)), StringComparison.Ordinal);
        Assert.Equal("R-4242", Assert.Single(things.Find(t => t.Tags.Contains(4242))).Code);

        Assert.Equal("R-1001", things.FindOne(t => t.Code == "r-1001")!.Code);
        Assert.Equal(5, things.Count(t => t.Owner == 7));
    }

    [Fact]
    public void Index_and_sequence_names_stay_within_63_bytes_and_apart()
    {
        var a = PostgreSqlStore.UniqueName(new string('x', 60) + "_Alpha", "(data #> '{Alpha}')");
        var b = PostgreSqlStore.UniqueName(new string('x', 60) + "_Beta", "(data #> '{Beta}')");
        Assert.NotEqual(a, b);
        Assert.All(new[] { a, b }, n => Assert.InRange(System.Text.Encoding.UTF8.GetByteCount(n), 1, 63));

        var database = cluster.NewDatabase();
        using var store = new PostgreSqlStore(database);
        var longName = new string('c', 60);
        store.Collection<Thing>(longName, i => i.On(t => t.Code).On(t => t.Owner)).Insert(new Thing { Code = "a" });
        Assert.Equal(3L, Scalar(database, $"SELECT count(*) FROM pg_indexes WHERE schemaname = 'villagebot' AND tablename = '{longName}'"));
    }

    /// <summary>The plan PostgreSQL chooses for the query Find runs, with the nodes that read the table or an index.</summary>
    private static string Plan(string database, IDocumentCollection<Thing> things, Expression<Func<Thing, bool>> predicate)
    {
        var filter = JsonbFilter.Of(predicate);
        var sql = ((PostgreSqlCollection<Thing>)things).FindSql(filter);
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var explain = new NpgsqlCommand("EXPLAIN " + sql, connection);
        foreach (var value in filter.Values)
        {
            explain.Parameters.Add(new NpgsqlParameter { Value = value });
        }

        using var reader = explain.ExecuteReader();
        var plan = new System.Text.StringBuilder();
        while (reader.Read())
        {
            plan.AppendLine(reader.GetString(0));
        }

        var text = plan.ToString();
        Assert.DoesNotContain("Seq Scan", text, StringComparison.Ordinal);
        return text;
    }

    private static void Execute(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static object? Scalar(string database, string sql)
    {
        using var connection = new NpgsqlConnection(database);
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        return command.ExecuteScalar();
    }
}
