using LiteDB;
using Microsoft.Extensions.Options;
using VillageBot.Conversation;

namespace VillageBot.Infrastructure.Storage;

/// <summary>The one LiteDB instance of the process. LiteDB is thread-safe in-process with a single instance.</summary>
public sealed class Db : IDisposable
{
    public const string FileName = "villagebot.db";

    public Db(IOptions<StorageOptions> options)
    {
        var directory = options.Value.ResolvedDirectory;
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
        var mapper = new BsonMapper { EnumAsInteger = false, TrimWhitespace = false, EmptyStringToNull = false };
        Database = new LiteDatabase(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }, mapper)
        {
            // Every date is stored and compared in UTC; reading them back as local time would shift them on a server outside UTC.
            UtcDate = true,
        };
        Residents.EnsureIndex(r => r.VillageId);
        Residents.EnsureIndex(r => r.ChatId);
        Villages.EnsureIndex(v => v.Code, unique: true);
        Database.GetCollection("inbox").EnsureIndex("Done");
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    public ILiteCollection<Resident> Residents => Database.GetCollection<Resident>("residents");

    public ILiteCollection<Village> Villages => Database.GetCollection<Village>("villages");

    public ILiteCollection<T> Collection<T>(string name) => Database.GetCollection<T>(name);

    public void Dispose() => Database.Dispose();
}
