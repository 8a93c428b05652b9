using System.Linq.Expressions;
using System.Reflection;
using LiteDB;

namespace VillageBot.Infrastructure.Storage;

/// <summary>How one collection came across: documents written, and the counts read back from both sides afterwards.</summary>
public sealed record MigratedCollection(string Name, int Copied, int Source, int? Target)
{
    /// <summary>Every document was written and both sides hold the same number.</summary>
    public bool Matches => Target == Source && Copied == Source;

    public override string ToString() => Target is null
        ? $"{Name}: not copied, no document type of this version is stored in it (source {Source})"
        : $"{Name}: {Copied} copied (source {Source}, target {Target})";
}

/// <summary>
/// Copies every collection of a LiteDB file into a PostgreSQL database. Each document is read as its own type (named
/// by <see cref="StoredInAttribute"/>) with the LiteDB store's mapping and written by the PostgreSQL store, so it
/// lands exactly as the bot itself would have written it; an upsert by id makes a second run rewrite the same
/// rows instead of adding any. The indexes the LiteDB file holds (the ones the collections' owners declared) are
/// declared on the target before the copy, so unique keys are enforced there from the first row.
/// </summary>
public static class StoreMigration
{
    public static IReadOnlyList<MigratedCollection> LiteDbToPostgreSql(string liteDbFile, PostgreSqlStore target)
    {
        using var source = LiteDbStore.OpenReadOnly(liteDbFile);
        var catalog = StoredInAttribute.Catalog();
        var indexes = source.GetCollection("$indexes").FindAll()
            .Where(i => i["name"].AsString != "_id")
            .ToLookup(i => i["collection"].AsString, i => (Path: PathOf(i["expression"].AsString), Unique: i["unique"].AsBoolean));
        var copy = typeof(StoreMigration).GetMethod(nameof(Copy), BindingFlags.NonPublic | BindingFlags.Static)!;

        return [.. source.GetCollectionNames().Order(StringComparer.Ordinal).Select(name => catalog.TryGetValue(name, out var type)
            ? (MigratedCollection)copy.MakeGenericMethod(type).Invoke(null, [source, name, indexes[name].Where(i => i.Path is not null).ToList(), target])!
            : new MigratedCollection(name, 0, source.GetCollection(name).Count(), null))];
    }

    private static MigratedCollection Copy<T>(LiteDatabase source, string name, List<(string? Path, bool Unique)> indexes, PostgreSqlStore target)
    {
        var declared = indexes.Select(i => (Key: KeyOf<T>(i.Path!), i.Unique)).Where(i => i.Key is not null).ToList();
        var documents = target.Collection<T>(name, i => declared.ForEach(d => i.On(d.Key!, d.Unique)));
        var raw = source.GetCollection(name);
        var copied = 0;
        foreach (var document in raw.FindAll())
        {
            // Ids the store once kept as ObjectIds are read as their text, as the LiteDB store upgrades them.
            if (document["_id"].IsObjectId)
            {
                document["_id"] = document["_id"].AsObjectId.ToString();
            }

            documents.Upsert(source.Mapper.ToObject<T>(document));
            copied++;
        }

        return new MigratedCollection(name, copied, raw.Count(), documents.Count());
    }

    /// <summary>"A.B" for the expression "$.A.B" the LiteDB store gave the index; null for any other expression.</summary>
    private static string? PathOf(string expression) =>
        expression.StartsWith("$.", StringComparison.Ordinal) && expression[2..].Split('.').All(p => p.Length > 0 && p.All(c => char.IsLetterOrDigit(c) || c == '_'))
            ? expression[2..]
            : null;

    /// <summary>x => x.A.B as an index key, or null when the type no longer has that property.</summary>
    private static Expression<Func<T, object?>>? KeyOf<T>(string path)
    {
        var document = Expression.Parameter(typeof(T), "x");
        Expression at = document;
        foreach (var name in path.Split('.'))
        {
            if (at.Type.GetProperty(name, BindingFlags.Public | BindingFlags.Instance) is not { } property)
            {
                return null;
            }

            at = Expression.Property(at, property);
        }

        return Expression.Lambda<Func<T, object?>>(Expression.Convert(at, typeof(object)), document);
    }
}
