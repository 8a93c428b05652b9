using System.Linq.Expressions;
using VillageBot.Infrastructure.Storage;
using Thing = VillageBot.Tests.Infrastructure.Storage.StoreContractTests.Thing;
using ThingState = VillageBot.Tests.Infrastructure.Storage.StoreContractTests.ThingState;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>Which predicates PostgreSQL answers itself, and which it only narrows before the rest is checked in memory.</summary>
public sealed class JsonbFilterTests
{
    private static readonly List<long> Owners = [2, 3];
    private static readonly DateTime Cutoff = new(2025, 3, 1, 0, 0, 0, DateTimeKind.Utc);

    public static TheoryData<string> Exact => new() { "owner", "tag", "owners", "enum", "null", "not-null-and-flag", "date-and-enum", "or", "nested", "starts", "codes" };

    private static readonly List<string> Codes = ["a", "B"];

    private static Expression<Func<Thing, bool>> Predicate(string name) => name switch
    {
        "owner" => t => t.Owner == 1,
        "tag" => t => t.Tags.Contains(30L),
        "owners" => t => Owners.Contains(t.Owner),
        "enum" => t => t.State == ThingState.Done,
        "null" => t => t.Village == null,
        "not-null-and-flag" => t => t.Village != null && !t.Hidden,
        "date-and-enum" => t => t.At > Cutoff && t.State != ThingState.New,
        "or" => t => t.Code == "a" || t.Owner >= 2,
        "starts" => t => t.Code.StartsWith('a') && t.Code.Contains("b%"),
        "codes" => t => Codes.Contains(t.Code),
        _ => t => t.Inner!.Note == "x",
    };

    [Theory]
    [MemberData(nameof(Exact))]
    public void Plain_predicates_run_wholly_in_the_database(string name)
    {
        var filter = JsonbFilter.Of(Predicate(name));
        Assert.NotNull(filter.Sql);
        Assert.True(filter.Exact, filter.Sql);
    }

    [Fact]
    public void A_value_is_sent_as_the_property_stores_it()
    {
        Assert.Equal(["\"Done\""], JsonbFilter.Of(Predicate("enum")).Values);
        Assert.Equal(["\"2025-03-01T00:00:00.000Z\"", "\"New\""], JsonbFilter.Of(Predicate("date-and-enum")).Values);
        Assert.Equal(["[2,3]"], JsonbFilter.Of(Predicate("owners")).Values);
    }

    [Fact]
    public void What_has_no_sql_form_narrows_by_the_rest_or_reads_all()
    {
        var narrowed = JsonbFilter.Of((Expression<Func<Thing, bool>>)(t => t.Code.Length > 1 && t.Owner == 1));
        Assert.False(narrowed.Exact);
        Assert.NotNull(narrowed.Sql);

        var unknown = JsonbFilter.Of((Expression<Func<Thing, bool>>)(t => t.Code.Length > 1 || t.Owner == 1));
        Assert.False(unknown.Exact);
        Assert.Null(unknown.Sql);

        var counted = JsonbFilter.Of((Expression<Func<Thing, bool>>)(t => t.Tags.Count > 1));
        Assert.False(counted.Exact);
        Assert.Null(counted.Sql);
    }
}
