using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Npgsql;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// The documents in PostgreSQL: one table per collection in the schema "villagebot", each row an id and the document as
/// jsonb, each declared index an expression index on the document (unique ones enforced by the database). Tables and
/// indexes are made the first time a collection is asked for, under an advisory lock, so two instances starting
/// together do not trip over each other.
/// </summary>
public sealed partial class PostgreSqlStore : IDocumentStore, IDisposable
{
    public const string Schema = "villagebot";

    /// <summary>The advisory lock key that serialises schema changes across instances.</summary>
    private const long SchemaLock = 0x5642_0001;

    private const string LockNotAvailable = "55P03";
    private const string DeadlockDetected = "40P01";

    private readonly NpgsqlDataSource _source;
    private readonly ConcurrentDictionary<string, bool> _prepared = new(StringComparer.Ordinal);

    public PostgreSqlStore(string connectionString)
    {
        ConnectionString = connectionString;
        _source = NpgsqlDataSource.Create(connectionString);
        Location = LocationOf(connectionString);
        Pace = new PostgreSqlPace(_source, sql => Execute(sql, schemaChange: true));
        Leases = new PostgreSqlChatLeases(_source);
        Execute($"CREATE SCHEMA IF NOT EXISTS {Schema}; {PostgreSqlChatLeases.CreateSql}", schemaChange: true);
    }

    public string Location { get; }

    public ISharedPace? Pace { get; }

    public IChatLeases? Leases { get; }

    /// <summary>A list's items are indexed with GIN.</summary>
    public bool IndexesListItems => true;

    /// <summary>The database a connection string names, without its password: postgresql://host:port/database.</summary>
    public static string LocationOf(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
    }

    /// <summary>For tools beside the store (the tests' look at every table).</summary>
    internal string ConnectionString { get; }

    public IDocumentCollection<T> Collection<T>(string name, Action<Indexes<T>>? indexes = null)
    {
        var table = TableOf(name);
        var key = DocumentKey.Of<T>();
        if (!_prepared.ContainsKey(name + (indexes is null ? "" : "+")))
        {
            lock (_prepared)
            {
                if (!_prepared.ContainsKey(name + (indexes is null ? "" : "+")))
                {
                    var expected = new List<string>();
                    var retired = new List<string>();
                    var statements = new List<string> { $"CREATE TABLE IF NOT EXISTS {table} (id {key.SqlType} PRIMARY KEY, data jsonb NOT NULL)" };
                    if (key.AutoId)
                    {
                        // Numbers are handed out by a sequence that only grows, so a deleted highest id is not given
                        // again. A table from before the sequence starts it after its largest id.
                        var sequence = SequenceOf(name);
                        statements.Add($"""
                            DO $$ BEGIN
                              IF to_regclass('{sequence}') IS NULL THEN
                                CREATE SEQUENCE {sequence} OWNED BY {table}.id;
                                PERFORM setval('{sequence}', max(id)) FROM {table} HAVING max(id) >= 1;
                              END IF;
                            END $$
                            """);
                    }

                    foreach (var index in Indexes<T>.Of(indexes).All)
                    {
                        var path = index.Path;
                        var expression = JsonbFilter.IndexSql(path, index.KeyType);
                        var unique = index.Unique ? "UNIQUE " : "";

                        // A list's items: GIN answers "the list holds this value" (@>).
                        var method = index.OnItems ? "USING gin " : "";

                        // Names before the expression was part of them: the same index on the plain jsonb value.
                        var earlier = Truncate($"{name}_{path.Replace('.', '_')}");
                        var current = UniqueName($"{name}_{path.Replace('.', '_')}", unique + method + expression);
                        retired.Add(earlier);
                        expected.Add(current);
                        statements.Add($"DROP INDEX IF EXISTS {Schema}.{Quote(earlier)}");
                        statements.Add($"CREATE {unique}INDEX IF NOT EXISTS {Quote(current)} ON {table} {method}(({expression}))");
                    }

                    // Another instance made them already: a look at the catalog takes no lock, where CREATE INDEX IF NOT
                    // EXISTS would wait for the table's writers and hold theirs up.
                    if (!Prepared(name, key.AutoId ? UniqueName(name + "_ids", "sequence") : null, expected, retired))
                    {
                        Execute(string.Join(";\n", statements), schemaChange: true);
                    }
                    _prepared[name] = true;
                    _prepared[name + (indexes is null ? "" : "+")] = true;
                }
            }
        }

        return new PostgreSqlCollection<T>(_source, name, table, key, key.AutoId ? SequenceOf(name) : null);
    }

    /// <summary>True when the table, its sequence and every index exist and no index of an earlier name is left.</summary>
    private bool Prepared(string name, string? sequence, List<string> indexes, List<string> retired)
    {
        using var command = _source.CreateCommand("""
            SELECT to_regclass($1) IS NOT NULL
              AND ($2::text IS NULL OR to_regclass($2) IS NOT NULL)
              AND (SELECT count(*) FROM pg_indexes WHERE schemaname = $3 AND indexname = ANY($4)) = cardinality($4)
              AND NOT EXISTS (SELECT 1 FROM pg_indexes WHERE schemaname = $3 AND indexname = ANY($5))
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = TableOf(name) });
        command.Parameters.Add(new NpgsqlParameter<string?> { TypedValue = sequence is null ? null : $"{Schema}.{Quote(sequence)}", NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = Schema });
        command.Parameters.Add(new NpgsqlParameter { Value = indexes.Distinct().ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = retired.Except(indexes).Distinct().ToArray() });
        return command.ExecuteScalar() is true;
    }

    public bool CollectionExists(string name)
    {
        using var command = _source.CreateCommand("SELECT to_regclass($1) IS NOT NULL");
        command.Parameters.Add(new NpgsqlParameter { Value = $"{Schema}.{Quote(name)}" });
        return (bool)command.ExecuteScalar()!;
    }

    public void DropCollection(string name)
    {
        Execute($"DROP TABLE IF EXISTS {TableOf(name)}", schemaChange: true);
        _prepared.TryRemove(name, out _);
        _prepared.TryRemove(name + "+", out _);
    }

    public void Ping()
    {
        try
        {
            using var command = _source.CreateCommand("SELECT 1");
            command.ExecuteScalar();
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException)
        {
            throw new StorageException(e.Message, e);
        }
    }

    /// <summary>A committed write is durable in PostgreSQL already.</summary>
    public void Checkpoint()
    {
    }

    /// <summary>
    /// Rewrites each table of the documents with only its live rows (VACUUM FULL, one table at a time, never inside a
    /// transaction), as LiteDB's rebuild does. A table another instance keeps busy longer than the lock timeout (or
    /// that deadlocks with it) is left for the next time. A failure (the database stopping with the host) is a <see cref="StorageException"/>.
    /// </summary>
    public void Compact()
    {
        try
        {
            using var connection = _source.OpenConnection();
            var tables = new List<string>();
            using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename", connection))
            {
                list.Parameters.Add(new NpgsqlParameter { Value = Schema });
                using var reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            using (var timeout = new NpgsqlCommand("SET lock_timeout = '10s'", connection))
            {
                timeout.ExecuteNonQuery();
            }

            foreach (var table in tables.Where(t => SafeName().IsMatch(t)))
            {
                using var vacuum = new NpgsqlCommand($"VACUUM (FULL) {TableOf(table)}", connection);
                try
                {
                    vacuum.ExecuteNonQuery();
                }
                catch (PostgresException e) when (e.SqlState is LockNotAvailable or DeadlockDetected)
                {
                }
            }
        }
        catch (Exception e) when (e is NpgsqlException or TimeoutException or InvalidOperationException)
        {
            throw new StorageException(e.Message, e);
        }
    }

    public void Dispose() => _source.Dispose();

    internal static string TableOf(string name) => $"{Schema}.{Quote(name)}";

    private static string Quote(string name) =>
        SafeName().IsMatch(name) ? "\"" + name + "\"" : throw new ArgumentException($"'{name}' is not a collection name (letters, digits, _).", nameof(name));

    private static string Truncate(string name) => name.Length <= 63 ? name : name[..63];

    internal static string SequenceOf(string name) => $"{Schema}.{Quote(UniqueName(name + "_ids", "sequence"))}";

    /// <summary>
    /// A name for an index or sequence: readable, at most 63 bytes (PostgreSQL cuts longer ones, so two long names
    /// could meet), and told apart by a short hash of the whole name and what it stands for.
    /// </summary>
    internal static string UniqueName(string readable, string definition)
    {
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(readable + "\n" + definition)))[..8];
        var prefix = readable;
        while (System.Text.Encoding.UTF8.GetByteCount(prefix) > 54)
        {
            prefix = prefix[..^1];
        }

        return $"{prefix}_{hash}";
    }

    private void Execute(string sql, bool schemaChange)
    {
        using var connection = _source.OpenConnection();
        if (!schemaChange)
        {
            using var plain = new NpgsqlCommand(sql, connection);
            plain.ExecuteNonQuery();
            return;
        }

        using var transaction = connection.BeginTransaction();
        using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({SchemaLock})", connection, transaction))
        {
            lockCommand.ExecuteNonQuery();
        }

        using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    [GeneratedRegex("^[A-Za-z0-9_]{1,63}$")]
    private static partial Regex SafeName();
}
