using System.Linq.Expressions;
using LiteDB;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// A LiteDB collection as it is, but for two things: a duplicate key is turned into the provider-neutral answer, and
/// each write holds the store's one write lock (see <see cref="LiteDbStore"/>).
/// </summary>
internal sealed class LiteDbCollection<T>(LiteDbStore store, string name) : IDocumentCollection<T>
{
    /// <summary>Asked of the store at each use: a rebuild opens the file anew.</summary>
    private ILiteCollection<T> collection => store.Database.GetCollection<T>(name);

    private object writes => store.Writes;

    public string Name => name;

    public T? FindById(object id) => collection.FindById(new BsonValue(id));

    public IEnumerable<T> FindByIds(IReadOnlyCollection<object> ids) =>
        ids.Count == 0 ? [] : collection.Find(Query.In("_id", ids.Select(id => new BsonValue(id))));

    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate) => collection.Find(predicate);

    public T? FindOne(Expression<Func<T, bool>> predicate) => collection.FindOne(predicate);

    public IEnumerable<T> FindAll() => collection.FindAll();

    public T? FirstBy<TKey>(Expression<Func<T, TKey>> key) => collection.Query().OrderBy(key).FirstOrDefault();

    public TKey Max<TKey>(Expression<Func<T, TKey>> key, TKey whenEmpty) => collection.Count() == 0 ? whenEmpty : collection.Max(key);

    public int Count() => collection.Count();

    public int Count(Expression<Func<T, bool>> predicate) => collection.Count(predicate);

    public bool Exists(Expression<Func<T, bool>> predicate) => collection.Exists(predicate);

    public void Insert(T document) => Unique(() => collection.Insert(document));

    public bool TryInsert(T document)
    {
        lock (writes)
        {
            try
            {
                collection.Insert(document);
                return true;
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                return false;
            }
        }
    }

    public int InsertBulk(IEnumerable<T> documents) => Unique(() => collection.InsertBulk(documents));

    public bool Update(T document) => Unique(() => collection.Update(document));

    public bool Upsert(T document) => Unique(() => collection.Upsert(document));

    public bool Delete(object id)
    {
        lock (writes)
        {
            return collection.Delete(new BsonValue(id));
        }
    }

    public int DeleteMany(Expression<Func<T, bool>> predicate)
    {
        lock (writes)
        {
            return collection.DeleteMany(predicate);
        }
    }

    /// <summary>A clash with a unique index is the provider-neutral <see cref="DuplicateKeyException"/>, as on PostgreSQL.</summary>
    private TResult Unique<TResult>(Func<TResult> write)
    {
        lock (writes)
        {
            try
            {
                return write();
            }
            catch (LiteException e) when (e.ErrorCode == LiteException.INDEX_DUPLICATE_KEY)
            {
                throw new DuplicateKeyException(e.Message, e);
            }
        }
    }
}
