using System.Linq.Expressions;

namespace VillageBot.Infrastructure.Storage;

/// <summary>The indexes a collection's owner declares, once, where it names the collection.</summary>
public sealed class Indexes<T>
{
    private readonly List<IndexDeclaration> _all = [];

    public IReadOnlyList<IndexDeclaration> All => _all;

    /// <summary>
    /// An index on one stored property; a unique one makes a second document with the same value a duplicate key. On
    /// a list property the index holds each item, for <c>x.List.Contains(value)</c> (on PostgreSQL only).
    /// </summary>
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

    /// <summary>The key's type (a boxed value's own type).</summary>
    public Type KeyType => (Key.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : Key.Body).Type;

    /// <summary>Whether the key is a list, so the index holds its items (PostgreSQL's GIN; LiteDB reads the collection).</summary>
    public bool OnItems => KeyType != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(KeyType);
}
