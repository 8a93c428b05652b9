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

    private readonly NpgsqlDataSource _source;
    private readonly ConcurrentDictionary<string, bool> _prepared = new(StringComparer.Ordinal);

    public PostgreSqlStore(string connectionString)
    {
        ConnectionString = connectionString;
        _source = NpgsqlDataSource.Create(connectionString);
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        Location = $"postgresql://{builder.Host}:{builder.Port}/{builder.Database}";
        Execute($"CREATE SCHEMA IF NOT EXISTS {Schema}", schemaChange: true);
    }

    public string Location { get; }

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
                    var statements = new List<string> { $"CREATE TABLE IF NOT EXISTS {table} (id {key.SqlType} PRIMARY KEY, data jsonb NOT NULL)" };
                    foreach (var index in Indexes<T>.Of(indexes).All)
                    {
                        var path = index.Path;
                        var indexName = Quote(Truncate($"{name}_{path.Replace('.', '_')}"));
                        statements.Add($"CREATE {(index.Unique ? "UNIQUE " : "")}INDEX IF NOT EXISTS {indexName} ON {table} ((data #> '{{{string.Join(',', path.Split('.').Select(n => "\"" + n + "\""))}}}'))");
                    }

                    Execute(string.Join(";\n", statements), schemaChange: true);
                    _prepared[name] = true;
                    _prepared[name + (indexes is null ? "" : "+")] = true;
                }
            }
        }

        return new PostgreSqlCollection<T>(_source, name, table, key);
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

    /// <summary>Lets PostgreSQL reuse the space of deleted rows now rather than when autovacuum comes by.</summary>
    public void Compact() => Execute("VACUUM", schemaChange: false);

    public void Dispose() => _source.Dispose();

    internal static string TableOf(string name) => $"{Schema}.{Quote(name)}";

    private static string Quote(string name) =>
        SafeName().IsMatch(name) ? "\"" + name + "\"" : throw new ArgumentException($"'{name}' is not a collection name (letters, digits, _).", nameof(name));

    private static string Truncate(string name) => name.Length <= 63 ? name : name[..63];

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
