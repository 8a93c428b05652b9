using System.Linq.Expressions;

namespace VillageBot.Infrastructure.Storage;

/// <summary>The indexes a collection's owner declares, once, where it names the collection.</summary>
public sealed class Indexes<T>
{
    private readonly List<IndexDeclaration> _all = [];

    public IReadOnlyList<IndexDeclaration> All => _all;

    /// <summary>An index on one stored property; a unique one makes a second document with the same value a duplicate key.</summary>
    public Indexes<T> On<TKey>(Expression<Func<T, TKey>> key, bool unique = false)
    {
        _all.Add(new IndexDeclaration(key, unique));
        return this;
    }

    public static Indexes<T> Of(Action<Indexes<T>>? declare)
    {
        var indexes = new Indexes<T>();
        declare?.Invoke(indexes);
        return indexes;
    }
}

public sealed record IndexDeclaration(LambdaExpression Key, bool Unique)
{
    /// <summary>The property path of the key ("VillageId", "Body.Kind").</summary>
    public string Path => DocumentMembers.PathOf(Key.Body) ?? throw new NotSupportedException($"An index key must be a stored property: {Key}");
}
