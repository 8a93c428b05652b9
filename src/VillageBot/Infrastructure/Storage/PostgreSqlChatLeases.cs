using Npgsql;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// Chat leases in PostgreSQL: a row per chat being handled, with its owner and when the lease runs out, in the schema of
/// the shared pace. Taking is one INSERT … ON CONFLICT that succeeds only for the owner or over a lease that ran out;
/// the row lock orders two instances asking at once, and now() is the database's clock.
/// </summary>
internal sealed class PostgreSqlChatLeases(NpgsqlDataSource source) : IChatLeases
{
    private const string Table = PostgreSqlPace.Schema + ".chat_leases";

    /// <summary>Run once when the store opens (under its schema lock), not by the first of many lanes at once.</summary>
    public const string CreateSql = $"""
        CREATE SCHEMA IF NOT EXISTS {PostgreSqlPace.Schema};
        CREATE TABLE IF NOT EXISTS {Table} (chat bigint PRIMARY KEY, owner text NOT NULL, until timestamptz NOT NULL)
        """;

    public async Task<bool> TryTakeAsync(long chat, string owner, TimeSpan duration)
    {
        await using var command = source.CreateCommand($"""
            INSERT INTO {Table} AS l VALUES ($1, $2, now() + $3)
            ON CONFLICT (chat) DO UPDATE SET owner = excluded.owner, until = excluded.until
            WHERE l.owner = excluded.owner OR l.until < now()
            RETURNING 1
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = chat });
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        command.Parameters.Add(new NpgsqlParameter { Value = duration });
        return await command.ExecuteScalarAsync() is not null;
    }

    public async Task ReleaseAsync(long chat, string owner)
    {
        await using var command = source.CreateCommand($"DELETE FROM {Table} WHERE chat = $1 AND owner = $2");
        command.Parameters.Add(new NpgsqlParameter { Value = chat });
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlySet<long>> HeldByOthersAsync(IReadOnlyCollection<long> chats, string owner)
    {
        await using var command = source.CreateCommand($"SELECT chat FROM {Table} WHERE chat = ANY($1) AND owner <> $2 AND until >= now()");
        command.Parameters.Add(new NpgsqlParameter { Value = chats.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = owner });
        var held = new HashSet<long>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            held.Add(reader.GetInt64(0));
        }

        return held;
    }
}
