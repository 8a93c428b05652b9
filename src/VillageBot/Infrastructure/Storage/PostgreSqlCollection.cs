using System.Linq.Expressions;
using Npgsql;
using NpgsqlTypes;

namespace VillageBot.Infrastructure.Storage;

/// <summary>A document's id property and how it is kept in the id column.</summary>
internal sealed record DocumentKey(System.Reflection.PropertyInfo Property, bool Numeric, bool AutoId)
{
    public string SqlType => Numeric ? "bigint" : "text";

    public static DocumentKey Of<T>()
    {
        var id = DocumentMembers.IdOf(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} has no id property (Id, or one marked [DocumentId]).");
        var numeric = id.PropertyType == typeof(int) || id.PropertyType == typeof(long);
        return new DocumentKey(id, numeric, numeric && DocumentMembers.AutoId(id));
    }

    public object Column(object id) => Numeric ? System.Convert.ToInt64(id, System.Globalization.CultureInfo.InvariantCulture) : System.Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!;

    public object Get(object document) => Column(Property.GetValue(document)!);

    /// <summary>An int id of 0 asks for the next free number, as in LiteDB.</summary>
    public bool WantsNumber(object document) => AutoId && System.Convert.ToInt64(Property.GetValue(document), System.Globalization.CultureInfo.InvariantCulture) == 0;

    public void Set(object document, long id) => Property.SetValue(document, Property.PropertyType == typeof(int) ? (object)checked((int)id) : id);
}

/// <summary>One collection as a table (id, data jsonb); see <see cref="PostgreSqlStore"/>.</summary>
internal sealed class PostgreSqlCollection<T>(NpgsqlDataSource source, string name, string table, DocumentKey key) : IDocumentCollection<T>
{
    private const string UniqueViolation = "23505";

    public string Name => name;

    public T? FindById(object id) => Query($"SELECT data FROM {table} WHERE id = $1", [key.Column(id)]).FirstOrDefault();

    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate) => Matching(predicate);

    public T? FindOne(Expression<Func<T, bool>> predicate) => Matching(predicate).FirstOrDefault();

    public IEnumerable<T> FindAll() => Query($"SELECT data FROM {table} ORDER BY id", []);

    public T? FirstBy<TKey>(Expression<Func<T, TKey>> keySelector) =>
        Query($"SELECT data FROM {table} ORDER BY {Path(keySelector)} NULLS FIRST, id LIMIT 1", []).FirstOrDefault();

    public TKey Max<TKey>(Expression<Func<T, TKey>> keySelector, TKey whenEmpty)
    {
        var path = DocumentMembers.PathOf(keySelector.Body) == key.Property.Name ? "id" : Path(keySelector);
        var last = Query($"SELECT data FROM {table} ORDER BY {path} DESC NULLS LAST LIMIT 1", []).FirstOrDefault();
        return last is null ? whenEmpty : keySelector.Compile()(last);
    }

    public int Count() => System.Convert.ToInt32(Scalar($"SELECT count(*) FROM {table}", []), System.Globalization.CultureInfo.InvariantCulture);

    public int Count(Expression<Func<T, bool>> predicate)
    {
        var filter = JsonbFilter.Of(predicate);
        return filter.Exact
            ? System.Convert.ToInt32(Scalar($"SELECT count(*) FROM {table} WHERE {filter.Sql}", filter.Values), System.Globalization.CultureInfo.InvariantCulture)
            : Matching(predicate).Count();
    }

    public bool Exists(Expression<Func<T, bool>> predicate)
    {
        var filter = JsonbFilter.Of(predicate);
        return filter.Exact
            ? (bool)Scalar($"SELECT EXISTS (SELECT 1 FROM {table} WHERE {filter.Sql})", filter.Values)!
            : Matching(predicate).Any();
    }

    public void Insert(T document)
    {
        if (!TryInsert(document))
        {
            throw new DuplicateKeyException($"A document in '{name}' has the same id or unique key.");
        }
    }

    public bool TryInsert(T document)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var inserted = InsertOne(document, connection, transaction);
        transaction.Commit();
        return inserted;
    }

    public int InsertBulk(IEnumerable<T> documents)
    {
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var count = 0;
        foreach (var document in documents)
        {
            if (!InsertOne(document, connection, transaction))
            {
                throw new DuplicateKeyException($"A document in '{name}' has the same id or unique key.");
            }

            count++;
        }

        transaction.Commit();
        return count;
    }

    public bool Update(T document) =>
        Write(() => NonQuery($"UPDATE {table} SET data = $2 WHERE id = $1", [key.Get(document!), Json(document)]) > 0);

    public bool Upsert(T document)
    {
        if (key.WantsNumber(document!))
        {
            Insert(document);
            return true;
        }

        return Write(() => (bool)Scalar(
            $"INSERT INTO {table} (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data RETURNING (xmax = 0)",
            [key.Get(document!), Json(document)])!);
    }

    public bool Delete(object id) => NonQuery($"DELETE FROM {table} WHERE id = $1", [key.Column(id)]) > 0;

    public int DeleteMany(Expression<Func<T, bool>> predicate)
    {
        var filter = JsonbFilter.Of(predicate);
        if (filter.Exact)
        {
            return NonQuery($"DELETE FROM {table} WHERE {filter.Sql}", filter.Values);
        }

        var ids = Matching(predicate).Select(d => key.Get(d!)).ToList();
        object array = key.Numeric ? ids.Cast<long>().ToArray() : ids.Cast<string>().ToArray();
        return ids.Count == 0 ? 0 : NonQuery($"DELETE FROM {table} WHERE id = ANY($1)", [array]);
    }

    /// <summary>
    /// Inserts one document in the transaction; a taken id or unique key rolls back only this insert. A wanted
    /// number is the largest id plus one, taken under a per-table advisory lock held to the commit, so two writers
    /// (in this process or another instance) never pick the same one.
    /// </summary>
    private bool InsertOne(T document, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (key.WantsNumber(document!))
        {
            using var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock(hashtext($1))", connection, transaction);
            lockCommand.Parameters.Add(new NpgsqlParameter { Value = table });
            lockCommand.ExecuteNonQuery();
            using var next = new NpgsqlCommand($"SELECT COALESCE(max(id), 0) + 1 FROM {table}", connection, transaction);
            key.Set(document!, (long)next.ExecuteScalar()!);
        }

        using var savepoint = new NpgsqlCommand("SAVEPOINT one", connection, transaction);
        savepoint.ExecuteNonQuery();
        using var insert = new NpgsqlCommand($"INSERT INTO {table} (id, data) VALUES ($1, $2)", connection, transaction);
        insert.Parameters.Add(new NpgsqlParameter { Value = key.Get(document!) });
        insert.Parameters.Add(new NpgsqlParameter { Value = Json(document).Json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        try
        {
            insert.ExecuteNonQuery();
            return true;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            using var rollback = new NpgsqlCommand("ROLLBACK TO SAVEPOINT one", connection, transaction);
            rollback.ExecuteNonQuery();
            return false;
        }
    }

    private IEnumerable<T> Matching(Expression<Func<T, bool>> predicate)
    {
        var filter = JsonbFilter.Of(predicate);
        var found = Query($"SELECT data FROM {table}{(filter.Sql is null ? "" : " WHERE " + filter.Sql)} ORDER BY id", filter.Values);
        return filter.Exact ? found : found.Where(predicate.Compile());
    }

    private static string Path<TKey>(Expression<Func<T, TKey>> keySelector) =>
        JsonbFilter.PathSql(keySelector.Body, keySelector.Parameters[0], out _) ?? throw new NotSupportedException($"Ordering needs a stored property: {keySelector}");

    private static Jsonb Json(T document) => new(DocumentJson.Write(document));

    private static bool Write(Func<bool> write)
    {
        try
        {
            return write();
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            throw new DuplicateKeyException(e.MessageText, e);
        }
    }

    private List<T> Query(string sql, IReadOnlyList<object> values)
    {
        using var command = Command(sql, values);
        using var reader = command.ExecuteReader();
        var found = new List<T>();
        while (reader.Read())
        {
            found.Add(DocumentJson.Read<T>(reader.GetString(0)));
        }

        return found;
    }

    private object? Scalar(string sql, IReadOnlyList<object> values)
    {
        using var command = Command(sql, values);
        return command.ExecuteScalar();
    }

    private int NonQuery(string sql, IReadOnlyList<object> values)
    {
        using var command = Command(sql, values);
        return command.ExecuteNonQuery();
    }

    /// <summary>A command on a pooled connection that closes with it; a document is sent as jsonb, filter values as text cast in SQL.</summary>
    private NpgsqlCommand Command(string sql, IReadOnlyList<object> values)
    {
        var command = source.CreateCommand(sql);
        foreach (var value in values)
        {
            command.Parameters.Add(value is Jsonb document
                ? new NpgsqlParameter { Value = document.Json, NpgsqlDbType = NpgsqlDbType.Jsonb }
                : new NpgsqlParameter { Value = value });
        }

        return command;
    }
}

internal sealed record Jsonb(string Json);
