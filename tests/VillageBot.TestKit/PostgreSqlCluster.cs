using System.Diagnostics;
using Npgsql;

namespace VillageBot.TestKit;

/// <summary>
/// The PostgreSQL the tests run against: the cluster named by VILLAGEBOT_TEST_PG (scripts/test.sh starts one), or else
/// a throwaway one this fixture starts with scripts/pg-test-cluster.sh and stops afterwards. When the test command
/// said a cluster is there (VILLAGEBOT_REQUIRE_PG=1) but the variable is missing, the tests fail instead of passing
/// without PostgreSQL. Each store gets a database of its own.
/// </summary>
public sealed class PostgreSqlCluster : IDisposable
{
    public const string Variable = "VILLAGEBOT_TEST_PG";
    public const string Required = "VILLAGEBOT_REQUIRE_PG";

    private readonly string? _startedDirectory;
    private readonly List<string> _databases = [];

    public PostgreSqlCluster()
    {
        var given = Environment.GetEnvironmentVariable(Variable);
        if (!string.IsNullOrWhiteSpace(given))
        {
            ConnectionString = given;
            return;
        }

        if (Environment.GetEnvironmentVariable(Required) == "1")
        {
            throw new InvalidOperationException($"{Required}=1 but {Variable} is not set: the test command did not start its PostgreSQL cluster.");
        }

        var exports = Script("start");
        ConnectionString = Exported(exports, Variable);
        _startedDirectory = Exported(exports, "VILLAGEBOT_TEST_PG_DIR");
    }

    /// <summary>The cluster's maintenance database (postgres).</summary>
    public string ConnectionString { get; }

    /// <summary>A new, empty database on the cluster; its connection string.</summary>
    public string NewDatabase()
    {
        var name = "t_" + Guid.NewGuid().ToString("N");
        using (var connection = new NpgsqlConnection(ConnectionString))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
        }

        lock (_databases)
        {
            _databases.Add(name);
        }

        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    /// <summary>
    /// Drops a database NewDatabase made, closing its pooled connections first. A drop that fails leaves it to the
    /// end of the run (Dispose, or the cluster's folder removed).
    /// </summary>
    public void DropDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        lock (_databases)
        {
            if (!_databases.Contains(name))
            {
                return;
            }
        }

        NpgsqlConnection.ClearPool(new NpgsqlConnection(connectionString));
        try
        {
            using var connection = new NpgsqlConnection(ConnectionString);
            connection.Open();
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
            lock (_databases)
            {
                _databases.Remove(name);
            }
        }
        catch (NpgsqlException)
        {
        }
    }

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        if (_startedDirectory is not null)
        {
            Script("stop", _startedDirectory);
            return;
        }

        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        foreach (var name in _databases)
        {
            using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", connection);
            drop.ExecuteNonQuery();
        }
    }

    private static string Exported(string exports, string name) =>
        exports.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith($"export {name}=", StringComparison.Ordinal)) is { } line
            ? line[$"export {name}=".Length..].Trim('\'')
            : throw new InvalidOperationException($"scripts/pg-test-cluster.sh printed no {name}: {exports}");

    private static string Script(params string[] args)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "scripts", "pg-test-cluster.sh")))
        {
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar)) ?? throw new InvalidOperationException("scripts/pg-test-cluster.sh not found above the test folder");
        }

        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(root, "scripts", "pg-test-cluster.sh"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"scripts/pg-test-cluster.sh {string.Join(' ', args)} failed: {error.Result}");
    }
}
