using System.Linq.Expressions;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// One named collection of documents of type <typeparamref name="T"/>, keyed by their id (a property named Id or marked
/// <see cref="DocumentIdAttribute"/>). An int id of 0 gets the next free number on insert. Predicates are LINQ
/// expressions over the document's stored properties, which every provider translates to its own queries.
/// </summary>
public interface IDocumentCollection<T>
{
    string Name { get; }

    T? FindById(object id);

    /// <summary>The documents with these ids (those that exist), in one query: a page or an export of many.</summary>
    IEnumerable<T> FindByIds(IReadOnlyCollection<object> ids);

    IEnumerable<T> Find(Expression<Func<T, bool>> predicate);

    T? FindOne(Expression<Func<T, bool>> predicate);

    IEnumerable<T> FindAll();

    /// <summary>
    /// The next <paramref name="count"/> documents in the order of their ids, after <paramref name="afterId"/> (from the
    /// first when null): a long read in pages, so that neither side holds the whole collection.
    /// </summary>
    IReadOnlyList<T> After(object? afterId, int count);

    /// <summary>The document with the smallest <paramref name="key"/>, or null when the collection is empty.</summary>
    T? FirstBy<TKey>(Expression<Func<T, TKey>> key);

    /// <summary>The largest <paramref name="key"/>, or <paramref name="whenEmpty"/> when the collection is empty.</summary>
    TKey Max<TKey>(Expression<Func<T, TKey>> key, TKey whenEmpty);

    int Count();

    int Count(Expression<Func<T, bool>> predicate);

    bool Exists(Expression<Func<T, bool>> predicate);

    /// <summary>Adds the document; throws <see cref="DuplicateKeyException"/> when its id or a unique index is taken.</summary>
    void Insert(T document);

    /// <summary>Adds the document; false, and nothing stored, when its id or a unique index is taken.</summary>
    bool TryInsert(T document);

    int InsertBulk(IEnumerable<T> documents);

    /// <summary>Replaces the stored document with the same id; false when there is none.</summary>
    bool Update(T document);

    /// <summary>Replaces or adds the document; true when it was added.</summary>
    bool Upsert(T document);

    bool Delete(object id);

    int DeleteMany(Expression<Func<T, bool>> predicate);
}

/// <summary>The database failed or could not be reached.</summary>
public class StorageException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>An insert met a document with the same id or the same value in a unique index.</summary>
public sealed class DuplicateKeyException(string message, Exception? inner = null) : StorageException(message, inner);
