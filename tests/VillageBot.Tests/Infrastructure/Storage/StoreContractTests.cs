using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>
/// What every document store promises the features, run against each provider: the same calls give the same
/// answers on LiteDB and on PostgreSQL.
/// </summary>
public abstract class StoreContractTests : IDisposable
{
    private readonly List<IDisposable> _opened = [];

    protected abstract IDocumentStore Open();

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        GC.SuppressFinalize(this);
    }

    private IDocumentStore Store()
    {
        var store = Open();
        if (store is IDisposable disposable)
        {
            _opened.Add(disposable);
        }

        return store;
    }

    private static IDocumentCollection<Thing> Things(IDocumentStore store) =>
        store.Collection<Thing>("things", i => i.On(t => t.Code, unique: true).On(t => t.Owner).On(t => t.Tags));

    private static Thing New(string code, long owner = 1, params long[] tags) =>
        new() { Code = code, Owner = owner, Tags = [.. tags], At = new DateTime(2025, 3, 1, 9, 0, 0, DateTimeKind.Utc) };

    [Fact]
    public void Inserts_get_increasing_ids_and_read_back_as_written()
    {
        var things = Things(Store());
        var a = New("a", 7, 1, 2);
        a.Village = 3;
        a.State = ThingState.Done;
        a.Inner = new Inner { Note = "ā ё \"q\"", Values = [1.5, 2] };
        things.Insert(a);
        var b = New("b");
        things.Insert(b);
        Assert.Equal((1, 2), (a.Id, b.Id));

        var read = things.FindById(1)!;
        Assert.Equal(("a", 7L, (int?)3, ThingState.Done), (read.Code, read.Owner, read.Village, read.State));
        Assert.Equal([1, 2], read.Tags);
        Assert.Equal(a.At, read.At);
        Assert.Equal(DateTimeKind.Utc, read.At.Kind);
        Assert.Equal("ā ё \"q\"", read.Inner!.Note);
        Assert.Equal([1.5, 2], read.Inner.Values);
        Assert.Null(things.FindById(3));
    }

    [Fact]
    public void Many_ids_are_read_at_once_and_missing_ones_left_out()
    {
        var things = Things(Store());
        things.InsertBulk([New("a"), New("b"), New("c")]);
        Assert.Equal(["a", "c"], Codes(things.FindByIds([1, 3, 99])));
        Assert.Empty(things.FindByIds([]));
    }

    [Fact]
    public void A_collection_is_read_in_pages_in_the_order_of_its_ids()
    {
        var store = Store();
        var things = Things(store);
        things.InsertBulk([.. Enumerable.Range(0, 12).Select(i => New("t" + i))]);
        things.Delete(5);
        var pages = new List<IReadOnlyList<Thing>>();
        object? last = null;
        while (things.After(last, 4) is { Count: > 0 } page)
        {
            pages.Add(page);
            last = page[^1].Id;
        }

        Assert.Equal([4, 4, 3], pages.Select(p => p.Count));
        Assert.Equal([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12], pages.SelectMany(p => p).Select(t => t.Id));
        Assert.Equal(["t11"], things.After(11, 4).Select(t => t.Code));

        var people = store.Collection<Person>("people");
        people.InsertBulk([new Person { Id = 30, Name = "c" }, new Person { Id = 4_000_000_000, Name = "d" }, new Person { Id = 2, Name = "a" }]);
        Assert.Equal(["a", "c"], people.After(null, 2).Select(p => p.Name));
        Assert.Equal(["d"], people.After(30L, 2).Select(p => p.Name));

        var named = store.Collection<Named>("named");
        named.InsertBulk([new Named { Key = "b" }, new Named { Key = "a" }, new Named { Key = "c" }]);
        Assert.Equal(["b", "c"], named.After("a", 5).Select(n => n.Key));
    }

    [Fact]
    public void A_duplicate_unique_key_or_id_is_refused_and_nothing_is_stored()
    {
        var things = Things(Store());
        Assert.True(things.TryInsert(New("a")));
        Assert.False(things.TryInsert(New("a", owner: 2)));
        Assert.Throws<DuplicateKeyException>(() => things.Insert(New("a", owner: 3)));
        var sameId = New("other");
        sameId.Id = 1;
        Assert.False(things.TryInsert(sameId));
        Assert.Equal(1, things.Count());
        Assert.Equal(1, things.FindOne(t => t.Code == "a")!.Owner);

        var b = New("b", owner: 4);
        things.Insert(b);
        b.Code = "a";
        Assert.Throws<DuplicateKeyException>(() => things.Update(b));
        Assert.Throws<DuplicateKeyException>(() => things.Upsert(b));
        Assert.Throws<DuplicateKeyException>(() => things.InsertBulk([New("c"), New("a", owner: 5)]));
        Assert.Equal(["a", "b"], things.FindAll().Select(t => t.Code).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Predicates_find_count_and_test_the_same_documents()
    {
        var things = Things(Store());
        things.InsertBulk([New("a", 1, 10), New("b", 1, 20, 30), New("c", 2), New("d", 3, 30)]);
        var late = things.FindOne(t => t.Code == "d")!;
        late.At = late.At.AddDays(2);
        late.Village = 5;
        late.State = ThingState.Done;
        things.Update(late);

        Assert.Equal(["a", "b"], Codes(things.Find(t => t.Owner == 1)));
        Assert.Equal(["b", "d"], Codes(things.Find(t => t.Tags.Contains(30L))));
        var owners = new List<long> { 2, 3 };
        Assert.Equal(["c", "d"], Codes(things.Find(t => owners.Contains(t.Owner))));
        var villages = new List<int?> { 5, 6 };
        Assert.Equal(["d"], Codes(things.Find(t => villages.Contains(t.Village))));
        var cutoff = late.At.AddDays(-1);
        Assert.Equal(["d"], Codes(things.Find(t => t.At > cutoff && t.State == ThingState.Done)));
        Assert.Equal(["a", "c", "d"], Codes(things.Find(t => t.Code == "a" || t.Owner >= 2)));
        Assert.Equal(["a", "b", "c"], Codes(things.Find(t => t.Village == null)));
        Assert.Equal(["d"], Codes(things.Find(t => t.Village != null && !t.Hidden)));
        Assert.Equal(3, things.Count(t => t.State == ThingState.New));
        Assert.Equal(["b"], Codes(things.Find(t => t.Code.StartsWith('b') && t.Owner == 1)));
        Assert.Equal(2, things.Count(t => t.Tags.Count > 0 && t.Code != "a"));
        Assert.True(things.Exists(t => t.Code.EndsWith('d') || t.Owner == 99));
        Assert.True(things.Exists(t => t.Code == "c"));
        Assert.False(things.Exists(t => t.Code == "z"));
        Assert.Equal(4, things.FindAll().Count());
    }

    [Fact]
    public void Text_is_compared_ignoring_case_as_liteDb_does()
    {
        var things = Things(Store());
        things.InsertBulk([New("R-1001", 1), New("r-1002", 2), New("Zābols", 3), New("b_x", 4)]);
        var tagged = New("tagged", 5);
        tagged.Inner = new Inner { Note = "Pothole" };
        things.Insert(tagged);

        Assert.Equal(["R-1001"], Codes(things.Find(t => t.Code == "r-1001")));
        Assert.Equal("r-1002", things.FindOne(t => t.Code == "R-1002")!.Code);
        Assert.True(things.Exists(t => t.Code == "TAGGED"));
        Assert.Equal(4, things.Count(t => t.Inner!.Note != "POTHOLE"));
        Assert.Equal(["R-1001", "r-1002"], Codes(things.Find(t => t.Code.StartsWith("r-10"))));
        Assert.Equal(["R-1001"], Codes(things.Find(t => t.Code.EndsWith("01") && t.Code.Contains("R-1"))));
        Assert.Equal(["tagged"], Codes(things.Find(t => t.Inner!.Note == "POTHOLE")));
        var codes = new List<string> { "R-1002", "TAGGED" };
        Assert.Equal(["r-1002", "tagged"], Codes(things.Find(t => codes.Contains(t.Code))));
        Assert.Equal(["r-1002"], Codes(things.Find(t => !(t.Code != "R-1002"))));
        Assert.Equal("b_x", things.FirstBy(t => t.Code)!.Code);

        // The same where part of a predicate is checked on the documents read (PostgreSQL has no SQL for Length).
        Assert.Equal(["R-1001"], Codes(things.Find(t => t.Code == "r-1001" || t.Code.Length > 10)));
        Assert.Equal(["R-1001", "r-1002", "tagged"], Codes(things.Find(t => t.Code.Length == 6 && (t.Code.StartsWith('r') || codes.Contains(t.Code)))));

        // A unique index on text ignores case too: "r-1001" is taken by "R-1001".
        Assert.False(things.TryInsert(New("r-1001", 9)));
        Assert.Equal(5, things.Count());
        Assert.Equal(1, things.DeleteMany(t => t.Code == "TAGGED"));
    }

    [Fact]
    public void A_deleted_highest_id_is_not_numbered_again()
    {
        var things = Things(Store());
        things.InsertBulk([New("a"), New("b"), New("c")]);
        Assert.True(things.Delete(3));
        var d = New("d");
        things.Insert(d);
        Assert.Equal(4, d.Id);

        var brought = New("brought");
        brought.Id = 10;
        things.Insert(brought);
        var e = New("e");
        things.Insert(e);
        Assert.Equal(11, e.Id);
    }

    [Fact]
    public void Deleting_by_a_predicate_the_database_cannot_answer_deletes_exactly_the_matches()
    {
        var things = Things(Store());
        things.InsertBulk([New("a", 1, 1, 2), New("b", 1), New("c", 2, 3), New("d", 1, 4)]);
        Assert.Equal(2, things.DeleteMany(t => t.Owner == 1 && t.Tags.Count > 0));
        Assert.Equal(["b", "c"], Codes(things.FindAll()));
        Assert.Equal(1, things.DeleteMany(t => t.Tags.Count > 0 || t.Code == "nothing"));
        Assert.Equal(["b"], Codes(things.FindAll()));
    }

    [Fact]
    public void Compacting_keeps_every_live_document()
    {
        var store = Store();
        var things = Things(store);
        things.InsertBulk([New("a"), New("b"), New("c")]);
        things.Delete(2);
        store.Compact();
        store.Checkpoint();
        Assert.Equal(["a", "c"], Codes(things.FindAll()));
        Assert.True(things.Exists(t => t.Code == "c"));
    }

    [Fact]
    public void Update_upsert_and_delete_answer_whether_something_changed()
    {
        var things = Things(Store());
        var a = New("a");
        Assert.False(things.Update(a));
        things.Insert(a);
        a.Owner = 9;
        Assert.True(things.Update(a));
        Assert.Equal(9, things.FindById(a.Id)!.Owner);

        Assert.False(things.Upsert(a));
        var b = New("b");
        b.Id = 40;
        Assert.True(things.Upsert(b));
        Assert.Equal(2, things.Count());

        things.InsertBulk([New("c", 9), New("d", 9), New("e", 4)]);
        Assert.Equal(3, things.DeleteMany(t => t.Owner == 9));
        Assert.True(things.Delete(b.Id));
        Assert.False(things.Delete(b.Id));
        Assert.Equal(["e"], Codes(things.FindAll()));
    }

    [Fact]
    public void The_first_by_a_key_and_the_largest_key()
    {
        var things = Things(Store());
        Assert.Null(things.FirstBy(t => t.Owner));
        Assert.Equal(-1, things.Max(t => t.Id, -1));
        things.InsertBulk([New("a", 5), New("b", 2), New("c", 8)]);
        Assert.Equal("b", things.FirstBy(t => t.Owner)!.Code);
        Assert.Equal(8L, things.Max(t => t.Owner, 0L));
        Assert.Equal(3, things.Max(t => t.Id, 0));
    }

    [Fact]
    public void Documents_keyed_by_text_or_by_a_number_they_bring()
    {
        var store = Store();
        var named = store.Collection<Named>("named");
        named.Insert(new Named { Key = "x|1", Count = 1, Computed = "ignored" });
        Assert.False(named.TryInsert(new Named { Key = "x|1" }));
        Assert.Equal(1, named.FindById("x|1")!.Count);
        Assert.Null(named.FindById("x|1")!.Computed);

        var people = store.Collection<Person>("people");
        people.Insert(new Person { Id = 5_000_000_000, Name = "Anna" });
        people.Insert(new Person { Id = 0, Name = "nobody" });
        Assert.Equal("Anna", people.FindById(5_000_000_000L)!.Name);
        Assert.Equal("nobody", people.FindById(0L)!.Name);
        Assert.True(people.Delete(5_000_000_000L));
    }

    [Fact]
    public void Collections_exist_once_written_and_can_be_dropped()
    {
        var store = Store();
        Assert.False(store.CollectionExists("later"));
        store.Collection<Named>("later").Insert(new Named { Key = "k" });
        Assert.True(store.CollectionExists("later"));
        store.DropCollection("later");
        Assert.False(store.CollectionExists("later"));
        store.Ping();
    }

    [Fact]
    public void Of_many_writers_inserting_one_unique_key_at_once_exactly_one_wins()
    {
        var store = Store();
        _ = Things(store);
        var wins = 0;
        Parallel.For(0, 16, i =>
        {
            if (Things(store).TryInsert(New("same", owner: i)))
            {
                Interlocked.Increment(ref wins);
            }
        });
        Assert.Equal(1, wins);
        Assert.Equal(1, Things(store).Count(t => t.Code == "same"));
    }

    private static List<string> Codes(IEnumerable<Thing> things) => [.. things.Select(t => t.Code).Order(StringComparer.Ordinal)];

    public sealed class Thing
    {
        public int Id { get; set; }

        public string Code { get; set; } = "";

        public long Owner { get; set; }

        public List<long> Tags { get; set; } = [];

        public int? Village { get; set; }

        public DateTime At { get; set; }

        public ThingState State { get; set; }

        public bool Hidden { get; set; }

        public Inner? Inner { get; set; }
    }

    public sealed class Inner
    {
        public string Note { get; set; } = "";

        public List<double> Values { get; set; } = [];
    }

    public enum ThingState
    {
        New,
        Done,
    }

    public sealed class Named
    {
        [DocumentId]
        public string Key { get; set; } = "";

        public int Count { get; set; }

        [NotStored]
        public string? Computed { get; set; }
    }

    public sealed class Person
    {
        [DocumentId(autoId: false)]
        public long Id { get; set; }

        public string Name { get; set; } = "";
    }
}

public sealed class LiteDbStoreContractTests : StoreContractTests
{
    protected override IDocumentStore Open() => new LiteDbStore(Options.Create(new StorageOptions { DataDirectory = BotHost.NewDataDirectory() }));
}

public sealed class PostgreSqlStoreContractTests(PostgreSqlCluster cluster) : StoreContractTests, IClassFixture<PostgreSqlCluster>
{
    protected override IDocumentStore Open() => new PostgreSqlStore(cluster.NewDatabase());
}
