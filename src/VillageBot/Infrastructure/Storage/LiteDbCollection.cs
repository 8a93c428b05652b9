using System.Linq.Expressions;
using LiteDB;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// A LiteDB collection as it is, but for three things: a duplicate key is turned into the provider-neutral answer, each
/// write holds the store's one write lock (see <see cref="LiteDbStore"/>), and an engine LiteDB closed on an internal
/// check is opened again (<see cref="LiteDbStore.Reopen"/>): a read is then made once more, a write fails with a
/// <see cref="StorageException"/>, so its caller's retry finds the file open (a failure inside the commit itself can
/// leave the write kept: LiteDB reads its log back).
/// </summary>
internal sealed class LiteDbCollection<T>(LiteDbStore store, string name) : IDocumentCollection<T>
{
    private object writes => store.Writes;

    public string Name => name;

    public T? FindById(object id) => Read(c => c.FindById(new BsonValue(id)));

    public IEnumerable<T> FindByIds(IReadOnlyCollection<object> ids) =>
        ids.Count == 0 ? [] : Many(c => c.Find(Query.In("_id", ids.Select(id => new BsonValue(id)))));

    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate) => Many(c => c.Find(predicate));

    public T? FindOne(Expression<Func<T, bool>> predicate) => Read(c => c.FindOne(predicate));

    public IEnumerable<T> FindAll() => Many(c => c.FindAll());

    public IReadOnlyList<T> After(object? afterId, int count) => Read(c => (afterId is null
            ? c.Query()
            : c.Query().Where(BsonExpression.Create("_id > @0", new BsonValue(afterId))))
        .OrderBy(BsonExpression.Create("_id")).Limit(count).ToList());

    public T? FirstBy<TKey>(Expression<Func<T, TKey>> key) => Read(c => c.Query().OrderBy(key).FirstOrDefault());

    public TKey Max<TKey>(Expression<Func<T, TKey>> key, TKey whenEmpty) => Read(c => c.Count() == 0 ? whenEmpty : c.Max(key));

    public int Count() => Read(c => c.Count());

    public int Count(Expression<Func<T, bool>> predicate) => Read(c => c.Count(predicate));

    public bool Exists(Expression<Func<T, bool>> predicate) => Read(c => c.Exists(predicate));

    public void Insert(T document) => Write(c => c.Insert(document));

    public bool TryInsert(T document)
    {
        try
        {
            Write(c => c.Insert(document));
            return true;
        }
        catch (DuplicateKeyException)
        {
            return false;
        }
    }

    public int InsertBulk(IEnumerable<T> documents) => Write(c => c.InsertBulk(documents));

    public bool Update(T document) => Write(c => c.Update(document));

    public bool Upsert(T document) => Write(c => c.Upsert(document));

    public bool Delete(object id) => Write(c => c.Delete(new BsonValue(id)));

    public int DeleteMany(Expression<Func<T, bool>> predicate) => Write(c => c.DeleteMany(predicate));

    /// <summary>The collection of the file open now: a rebuild or a reopening replaces the instance.</summary>
    private ILiteCollection<T> On(LiteDatabase database) => database.GetCollection<T>(name);

    /// <summary>A read; made once more on the file opened again when LiteDB closed its engine under it.</summary>
    private TResult Read<TResult>(Func<ILiteCollection<T>, TResult> read)
    {
        store.Enter();
        var database = store.Database;
        try
        {
            return read(On(database));
        }
        catch (Exception e) when (LiteDbStore.EngineFailed(e))
        {
            // Opened again here, not in the filter: a filter runs before the failed call's locks are let go.
            if (!store.Reopen(database, e))
            {
                throw;
            }

            return read(On(store.Database));
        }
        finally
        {
            store.Leave();
        }
    }

    /// <summary>
    /// A read of many, enumerated as the caller goes: when LiteDB closes its engine before the first document, the
    /// query is made once more on the file opened again; after some have been handed out it fails as a whole.
    /// </summary>
    private IEnumerable<T> Many(Func<ILiteCollection<T>, IEnumerable<T>> query)
    {
        store.Enter();
        try
        {
            foreach (var document in Enumerate(query))
            {
                yield return document;
            }
        }
        finally
        {
            store.Leave();
        }
    }

    private IEnumerable<T> Enumerate(Func<ILiteCollection<T>, IEnumerable<T>> query)
    {
        var database = store.Database;
        var documents = query(On(database)).GetEnumerator();
        var handedOut = false;
        var retried = false;
        try
        {
            while (true)
            {
                T current;
                try
                {
                    if (!documents.MoveNext())
                    {
                        yield break;
                    }

                    current = documents.Current;
                }
                catch (Exception e) when (LiteDbStore.EngineFailed(e))
                {
                    if (!store.Reopen(database, e))
                    {
                        throw;
                    }

                    if (handedOut || retried)
                    {
                        throw new StorageException("The database engine stopped during the read; the file was opened again.", e);
                    }

                    retried = true;
                    documents.Dispose();
                    database = store.Database;
                    documents = query(On(database)).GetEnumerator();
                    continue;
                }

                handedOut = true;
                yield return current;
            }
        }
        finally
        {
            documents.Dispose();
        }
    }

    /// <summary>
    /// A write under the store's write lock, on the instance open when the lock is taken. A clash with a unique index
    /// is the provider-neutral <see cref="DuplicateKeyException"/>, as on PostgreSQL; an engine LiteDB closed is opened
    /// again after the lock is let go, and the write fails.
    /// </summary>
    private TResult Write<TResult>(Func<ILiteCollection<T>, TResult> write)
    {
        LiteDatabase? database = null;
        store.Enter();
        try
        {
            lock (writes)
            {
                database = store.Database;
                return write(On(database));
            }
        }
        catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
        {
            throw new DuplicateKeyException(e.Message, e);
        }
        catch (Exception e) when (LiteDbStore.EngineFailed(e) && database is not null)
        {
            if (!store.Reopen(database, e))
            {
                throw;
            }

            throw new StorageException("The database engine stopped during the write; the file was opened again, and the write may or may not have been kept.", e);
        }
        finally
        {
            store.Leave();
        }
    }
}
