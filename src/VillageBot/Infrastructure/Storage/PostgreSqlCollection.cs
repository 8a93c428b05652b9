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
internal sealed class PostgreSqlCollection<T>(NpgsqlDataSource source, string name, string table, DocumentKey key, string? sequence) : IDocumentCollection<T>
{
    private const string UniqueViolation = "23505";

    public string Name => name;

    public T? FindById(object id) => Query($"SELECT data FROM {table} WHERE id = $1", [key.Column(id)]).FirstOrDefault();

    public IEnumerable<T> FindByIds(IReadOnlyCollection<object> ids)
    {
        if (ids.Count == 0)
        {
            return [];
        }

        object array = key.Numeric ? ids.Select(id => (long)key.Column(id)).ToArray() : ids.Select(id => (string)key.Column(id)).ToArray();
        return Query($"SELECT data FROM {table} WHERE id = ANY($1) ORDER BY id", [array]);
    }

    public IEnumerable<T> Find(Expression<Func<T, bool>> predicate) => Matching(predicate);

    public T? FindOne(Expression<Func<T, bool>> predicate) => Matching(predicate).FirstOrDefault();

    public IEnumerable<T> FindAll() => Query($"SELECT data FROM {table} ORDER BY id", []);

    public IReadOnlyList<T> After(object? afterId, int count) => afterId is null
        ? Query($"SELECT data FROM {table} ORDER BY id LIMIT $1", [count])
        : Query($"SELECT data FROM {table} WHERE id > $1 ORDER BY id LIMIT $2", [key.Column(afterId), count]);

    public T? FirstBy<TKey>(Expression<Func<T, TKey>> keySelector) =>
        Query($"SELECT data FROM {table} ORDER BY {Order(keySelector)} NULLS FIRST, id LIMIT 1", []).FirstOrDefault();

    public TKey Max<TKey>(Expression<Func<T, TKey>> keySelector, TKey whenEmpty)
    {
        var path = DocumentMembers.PathOf(keySelector.Body) == key.Property.Name ? "id" : Order(keySelector);
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
        var all = documents.ToList();
        if (all.Count == 0)
        {
            return 0;
        }

        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();

        // Numbers for those that want one, in one query and in order; the sequence moved once past the largest own id.
        var wanting = all.Where(d => key.WantsNumber(d!)).ToList();
        if (wanting.Count > 0)
        {
            using var next = new NpgsqlCommand($"SELECT nextval('{sequence}') FROM generate_series(1, $1) ORDER BY 1", connection, transaction);
            next.Parameters.Add(new NpgsqlParameter { Value = wanting.Count });
            using var reader = next.ExecuteReader();
            foreach (var document in wanting)
            {
                reader.Read();
                key.Set(document!, reader.GetInt64(0));
            }
        }

        if (all.Count > wanting.Count && key.Numeric)
        {
            var numbered = wanting.ToHashSet();
            PassNumber(all.Where(d => !numbered.Contains(d)).MaxBy(d => (long)key.Get(d!))!, connection, transaction);
        }

        // All or nothing, in batches of statements: no savepoint per document (each would hold a lock until the
        // end, and 100,000 of them exhaust PostgreSQL's lock table), no round trip per document.
        foreach (var chunk in all.Chunk(500))
        {
            using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var document in chunk)
            {
                var insert = new NpgsqlBatchCommand($"INSERT INTO {table} (id, data) VALUES ($1, $2)");
                insert.Parameters.Add(new NpgsqlParameter { Value = key.Get(document!) });
                insert.Parameters.Add(new NpgsqlParameter { Value = Json(document).Json, NpgsqlDbType = NpgsqlDbType.Jsonb });
                batch.BatchCommands.Add(insert);
            }

            Write(() => batch.ExecuteNonQuery() >= 0);
        }

        transaction.Commit();
        return all.Count;
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

        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        PassNumber(document, connection, transaction);
        using var upsert = new NpgsqlCommand(
            $"INSERT INTO {table} (id, data) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET data = EXCLUDED.data RETURNING (xmax = 0)", connection, transaction);
        upsert.Parameters.Add(new NpgsqlParameter { Value = key.Get(document!) });
        upsert.Parameters.Add(new NpgsqlParameter { Value = Json(document).Json, NpgsqlDbType = NpgsqlDbType.Jsonb });
        var added = Write(() => (bool)upsert.ExecuteScalar()!);
        transaction.Commit();
        return added;
    }

    public bool Delete(object id) => NonQuery($"DELETE FROM {table} WHERE id = $1", [key.Column(id)]) > 0;

    public int DeleteMany(Expression<Func<T, bool>> predicate)
    {
        var filter = JsonbFilter.Of(predicate);
        if (filter.Exact)
        {
            return NonQuery($"DELETE FROM {table} WHERE {filter.Sql}", filter.Values);
        }

        // What the database cannot decide is decided here, on rows locked until they are deleted in the same
        // transaction: a row changed meanwhile is read as it is now, and nothing is deleted half.
        using var connection = source.OpenConnection();
        using var transaction = connection.BeginTransaction();
        var ids = new List<object>();
        var matches = IgnoringCase.Compile(predicate);
        using (var select = Command($"SELECT data FROM {table}{(filter.Sql is null ? "" : " WHERE " + filter.Sql)} FOR UPDATE", filter.Values, connection, transaction))
        using (var reader = select.ExecuteReader())
        {
            while (reader.Read())
            {
                var document = DocumentJson.Read<T>(reader.GetString(0));
                if (matches(document))
                {
                    ids.Add(key.Get(document!));
                }
            }
        }

        var deleted = 0;
        if (ids.Count > 0)
        {
            object array = key.Numeric ? ids.Cast<long>().ToArray() : ids.Cast<string>().ToArray();
            using var delete = Command($"DELETE FROM {table} WHERE id = ANY($1)", [array], connection, transaction);
            deleted = delete.ExecuteNonQuery();
        }

        transaction.Commit();
        return deleted;
    }

    /// <summary>
    /// Inserts one document in the transaction; a taken id or unique key rolls back only this insert. A wanted
    /// number comes from the table's sequence, which two writers (in this process or another instance) never get
    /// the same number from and which never goes back, so a deleted id is not handed out again.
    /// </summary>
    private bool InsertOne(T document, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (key.WantsNumber(document!))
        {
            using var next = new NpgsqlCommand($"SELECT nextval('{sequence}')", connection, transaction);
            key.Set(document!, (long)next.ExecuteScalar()!);
        }
        else
        {
            PassNumber(document, connection, transaction);
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

    /// <summary>
    /// A document that brings its own number moves the sequence past it (as LiteDB moves its counter), so a later
    /// wanted number does not meet it; under a per-table lock, so two such writers do not move it back.
    /// </summary>
    private void PassNumber(T document, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        if (sequence is null || key.Get(document!) is not long id || id < 1)
        {
            return;
        }

        using var lockCommand = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext($1))", connection, transaction);
        lockCommand.Parameters.Add(new NpgsqlParameter { Value = table });
        lockCommand.ExecuteNonQuery();
        using var pass = new NpgsqlCommand($"SELECT setval('{sequence}', $1) FROM {sequence} WHERE last_value < $1 OR NOT is_called", connection, transaction);
        pass.Parameters.Add(new NpgsqlParameter { Value = id });
        pass.ExecuteNonQuery();
    }

    private IEnumerable<T> Matching(Expression<Func<T, bool>> predicate)
    {
        var filter = JsonbFilter.Of(predicate);
        var found = Query(FindSql(filter), filter.Values);
        return filter.Exact ? found : found.Where(IgnoringCase.Compile(predicate));
    }

    /// <summary>The query <see cref="Find"/> runs for a filter (the tests ask PostgreSQL how it would run it).</summary>
    internal string FindSql(JsonbFilter filter) => $"SELECT data FROM {table}{(filter.Sql is null ? "" : " WHERE " + filter.Sql)} ORDER BY id";

    /// <summary>What to order by: text ignoring case, as LiteDB orders it, and any other value as jsonb.</summary>
    private static string Order<TKey>(Expression<Func<T, TKey>> keySelector) =>
        (DocumentMembers.PathOf(keySelector.Body) is { } path && JsonbFilter.PathSql(keySelector.Body, keySelector.Parameters[0], out var type) is not null
            ? JsonbFilter.IndexSql(path, type!)
            : null) ?? throw new NotSupportedException($"Ordering needs a stored property: {keySelector}");

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

    /// <summary>A command on a pooled connection that closes with it, or in a transaction; a document is sent as jsonb, filter values as text cast in SQL.</summary>
    private NpgsqlCommand Command(string sql, IReadOnlyList<object> values, NpgsqlConnection? connection = null, NpgsqlTransaction? transaction = null)
    {
        var command = connection is null ? source.CreateCommand(sql) : new NpgsqlCommand(sql, connection, transaction);
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
