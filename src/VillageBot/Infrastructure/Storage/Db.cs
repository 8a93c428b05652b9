using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using LiteDB;
using Microsoft.Extensions.Options;

namespace VillageBot.Infrastructure.Storage;

/// <summary>The one LiteDB instance of the process. LiteDB is thread-safe in-process with a single instance.</summary>
public sealed class Db : IDisposable
{
    public const string FileName = "villagebot.db";

    private readonly ConcurrentDictionary<Type, bool> _mapped = new();
    private readonly ConcurrentDictionary<string, bool> _prepared = new(StringComparer.Ordinal);

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
        Database.GetCollection("inbox").EnsureIndex("Done");
    }

    public string FilePath { get; }

    public LiteDatabase Database { get; }

    public ILiteCollection<T> Collection<T>(string name)
    {
        Map(typeof(T));
        return Database.GetCollection<T>(name);
    }

    /// <summary>
    /// A collection whose owner prepares it (its indexes) the first time it is asked for in this process; every
    /// later call hands it out as it is.
    /// </summary>
    public ILiteCollection<T> Collection<T>(string name, Action<ILiteCollection<T>> prepare)
    {
        var collection = Collection<T>(name);
        if (!_prepared.ContainsKey(name))
        {
            lock (_prepared)
            {
                if (!_prepared.ContainsKey(name))
                {
                    prepare(collection);
                    _prepared[name] = true;
                }
            }
        }

        return collection;
    }

    public void Dispose() => Database.Dispose();

    /// <summary>
    /// LiteDB 5.0.21 maps a class the first time it meets it and publishes the mapping before it is complete, so two
    /// threads meeting a class at once (an update and a background job) can read a half-built one: "Collection was
    /// modified" or a stuck handler. Each stored class, and the classes inside it, is mapped here once, under a
    /// lock, before its collection is handed out.
    /// </summary>
    private void Map(Type type)
    {
        if (_mapped.ContainsKey(type))
        {
            return;
        }

        lock (_mapped)
        {
            var graph = new List<Type>();
            Walk(type, graph);
            foreach (var t in graph)
            {
                Database.Mapper.ToDocument(t, Activator.CreateInstance(t));
            }

            foreach (var t in graph)
            {
                _mapped[t] = true;
            }

            _mapped[type] = true;
        }
    }

    private void Walk(Type type, List<Type> graph)
    {
        if (_mapped.ContainsKey(type) || graph.Contains(type) || !IsEntity(type))
        {
            return;
        }

        graph.Add(type);
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var t = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            foreach (var inner in t.IsGenericType && typeof(IEnumerable).IsAssignableFrom(t) ? t.GetGenericArguments() : t.IsArray ? [t.GetElementType()!] : [t])
            {
                Walk(inner, graph);
            }
        }
    }

    private static bool IsEntity(Type t) =>
        t.IsClass && t != typeof(string) && !typeof(BsonValue).IsAssignableFrom(t) && !typeof(IEnumerable).IsAssignableFrom(t)
        && t.GetConstructor(Type.EmptyTypes) is not null && t.Namespace?.StartsWith("System", StringComparison.Ordinal) != true;
}
