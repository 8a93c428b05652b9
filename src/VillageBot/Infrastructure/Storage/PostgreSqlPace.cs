using Npgsql;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// The shared pace in PostgreSQL: one row per pace with its next free turn and the end of its hold, in a schema of
/// its own (the documents' schema holds only documents). A turn is one UPDATE … RETURNING: the row lock orders
/// instances asking at once, and now() is the database's clock, not each machine's.
/// </summary>
internal sealed class PostgreSqlPace(NpgsqlDataSource source, Action<string> prepare) : ISharedPace
{
    public const string Schema = "villagebot_pace";

    private readonly HashSet<string> _prepared = new(StringComparer.Ordinal);

    public async Task<TimeSpan> TakeAsync(string name, TimeSpan interval, TimeSpan catchUp, TimeSpan notBefore, CancellationToken ct)
    {
        Prepare(name);
        await using var command = source.CreateCommand($"""
            UPDATE {Schema}.paces
            SET next = GREATEST(next, now() - $2, held_until, now() + $3) + $4
            WHERE name = $1
            RETURNING next - $4 - now()
            """);
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = catchUp });
        command.Parameters.Add(new NpgsqlParameter { Value = notBefore });
        command.Parameters.Add(new NpgsqlParameter { Value = interval });
        return (TimeSpan)(await command.ExecuteScalarAsync(ct))!;
    }

    public void Hold(string name, TimeSpan duration)
    {
        Prepare(name);
        using var command = source.CreateCommand($"UPDATE {Schema}.paces SET held_until = GREATEST(held_until, now() + $2) WHERE name = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = name });
        command.Parameters.Add(new NpgsqlParameter { Value = duration });
        command.ExecuteNonQuery();
    }

    /// <summary>The table and the pace's row, made once per process (the table under the store's schema lock).</summary>
    private void Prepare(string name)
    {
        lock (_prepared)
        {
            if (_prepared.Contains(name))
            {
                return;
            }

            prepare($"""
                CREATE SCHEMA IF NOT EXISTS {Schema};
                CREATE TABLE IF NOT EXISTS {Schema}.paces (name text PRIMARY KEY, next timestamptz NOT NULL, held_until timestamptz NOT NULL)
                """);
            using var row = source.CreateCommand($"INSERT INTO {Schema}.paces VALUES ($1, '-infinity', '-infinity') ON CONFLICT (name) DO NOTHING");
            row.Parameters.Add(new NpgsqlParameter { Value = name });
            row.ExecuteNonQuery();
            _prepared.Add(name);
        }
    }
}
