using System.CommandLine;
using VillageBot.Cli;
using VillageBot.Infrastructure.Security;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// <c>migrate --from litedb --to postgresql</c>: the LiteDB file of Storage:DataDirectory into the PostgreSQL database
/// of Storage:ConnectionString, with the Data Protection key files of var/keys (so web sessions stay valid), one line per
/// collection on standard output and "ok" last when every count matches.
/// </summary>
public static class StorageCli
{
    public const string Usage = "Usage: migrate --from litedb --to postgresql   (stop the bot first; reads Storage:DataDirectory, writes Storage:ConnectionString)";

    private static readonly Option<string> From = new("--from") { Description = "Where the data is now: litedb", Required = true, HelpName = "litedb" };
    private static readonly Option<string> To = new("--to") { Description = "Where it goes: postgresql", Required = true, HelpName = "postgresql" };

    public static Command Migrate(CliIO io)
    {
        var command = new CliCommand("migrate", "Copies the LiteDB file into PostgreSQL (stop the bot first; safe to run again)", Usage) { From, To };
        command.Validators.Add(r =>
        {
            if (!"litedb".Equals(r.GetValue(From), StringComparison.OrdinalIgnoreCase) || !"postgresql".Equals(r.GetValue(To), StringComparison.OrdinalIgnoreCase))
            {
                r.AddError("Only --from litedb --to postgresql is supported.");
            }
        });
        command.SetAction(parsed => Run(parsed, io));
        return command;
    }

    public static Task<int> MigrateAsync(string[] args, TextWriter output, TextWriter errors, IDictionary<string, string?>? settings = null) =>
        CommandLine.RunAsync(Migrate, args, new CliIO(TextReader.Null, output, errors, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())));

    private static int Run(ParseResult parsed, CliIO io)
    {
        var options = io.Configuration().Options<StorageOptions>(StorageOptions.Section);
        var file = Path.Combine(options.ResolvedDirectory, LiteDbStore.FileName);
        if (!File.Exists(file))
        {
            return CommandLine.Refuse(parsed, io.Error, $"No LiteDB file at {file} (Storage:DataDirectory names its folder).");
        }

        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return CommandLine.Refuse(parsed, io.Error, "Storage:ConnectionString is not set (for example Storage__ConnectionString=\"Host=db;Database=villagebot;Username=villagebot;Password=…\").");
        }

        if (InUse(file))
        {
            return CommandLine.Refuse(parsed, io.Error, $"{file} is open in another process: stop the bot first, then migrate.");
        }

        IReadOnlyList<MigratedCollection> copied;
        try
        {
            using var target = new PostgreSqlStore(options.ConnectionString);
            copied = StoreMigration.LiteDbToPostgreSql(file, target);
            if (new DatabaseXmlRepository(target).CopyFiles(options.ResolvedDirectory) is { } keys)
            {
                copied = [.. copied, keys];
            }
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or ArgumentException or StorageException or LiteDB.LiteException or IOException or System.Xml.XmlException)
        {
            io.Error.WriteLine($"migrate: {e.Message}");
            return 1;
        }

        foreach (var collection in copied)
        {
            io.Output.WriteLine(collection);
        }

        var wrong = copied.Where(c => !c.Matches).ToList();
        io.Output.WriteLine(wrong.Count == 0 ? "ok" : "mismatch: " + string.Join(", ", wrong.Select(c => c.Name)));
        return wrong.Count == 0 ? 0 : 1;
    }

    /// <summary>
    /// Whether a running bot holds the file: the bot keeps it open for writing, so it cannot be opened exclusively
    /// (on Linux an advisory lock, which every .NET process takes).
    /// </summary>
    internal static bool InUse(string file)
    {
        try
        {
            using var probe = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.None);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
    }
}
