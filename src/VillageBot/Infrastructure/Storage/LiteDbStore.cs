using System.Collections;
using System.Collections.Concurrent;
using System.Reflection;
using LiteDB;
using Microsoft.Extensions.Options;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// The one LiteDB instance of the process. LiteDB 5.0.21 locks writes per collection but keeps the file's list of free
/// pages in one place, so writes to two collections at once can give one page to both and leave a file whose indexes
/// no longer read ("page type must be index page", litedb-org/LiteDB#2825). Every write here therefore goes through
/// <see cref="Writes"/>, one at a time, and reads go on beside them; closing waits for the write, checkpoint or rebuild under way.
/// </summary>
public sealed class LiteDbStore : IDocumentStore, IDisposable
{
    public const string FileName = "villagebot.db";

    private readonly ConcurrentDictionary<Type, bool> _mapped = new();
    private readonly ConcurrentDictionary<string, bool> _prepared = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, bool> _upgraded = new(StringComparer.Ordinal);

    public LiteDbStore(IOptions<StorageOptions> options, ILogger<LiteDbStore>? logger = null)
    {
        _logger = logger;
        var directory = options.Value.ResolvedDirectory;
        Directory.CreateDirectory(directory);
        FilePath = Path.Combine(directory, FileName);
        WaitForEarlierStore(FilePath);
        try
        {
            _database = Open();
        }
        catch
        {
            Release(FilePath);
            throw;
        }

        Database.GetCollection("inbox").EnsureIndex("Done");
    }

    /// <summary>Files a store of this process has open, each with the signal its close gives.</summary>
    private static readonly Dictionary<string, ManualResetEventSlim> OpenFiles = new(StringComparer.Ordinal);

    /// <summary>How long a new store waits for an earlier one on the same file to close.</summary>
    private static readonly TimeSpan EarlierStoreTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Two LiteDB instances on one file corrupt it, and a host stopping in this process may still be closing its store
    /// while a new one starts (a restart): the new store waits until the earlier one has closed the file.
    /// </summary>
    private static void WaitForEarlierStore(string path)
    {
        var deadline = DateTime.UtcNow + EarlierStoreTimeout;
        while (true)
        {
            ManualResetEventSlim? earlier;
            lock (OpenFiles)
            {
                if (!OpenFiles.TryGetValue(path, out earlier))
                {
                    OpenFiles[path] = new ManualResetEventSlim();
                    return;
                }
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !earlier.Wait(left))
            {
                throw new StorageException($"The database file {path} is still open by another store of this process.");
            }
        }
    }

    private static void Release(string path)
    {
        lock (OpenFiles)
        {
            if (OpenFiles.Remove(path, out var closed))
            {
                closed.Set();
            }
        }
    }

    /// <summary>The file opened with the one mapper of the process (what <see cref="Map"/> prepared stays prepared).</summary>
    private LiteDatabase Open() => new(new ConnectionString { Filename = FilePath, Connection = ConnectionType.Direct }, _mapper)
    {
        // Every date is stored and compared in UTC; reading them back as local time would shift them on a server outside UTC.
        UtcDate = true,
    };

    private readonly BsonMapper _mapper = NewMapper();

    private readonly ILogger<LiteDbStore>? _logger;

    private volatile LiteDatabase _database;

    public string FilePath { get; }

    /// <summary>Held for every write to the file, and to close it.</summary>
    internal object Writes { get; } = new();

    /// <summary>Held for a checkpoint, a rebuild and the close, always before <see cref="Writes"/>: one of them at a time.</summary>
    private readonly object _maintenance = new();

    private bool _closed;

    /// <summary>The open file; a rebuild replaces it, so a collection asks for it at each use.</summary>
    public LiteDatabase Database => _database;

    public string Location => FilePath;

    /// <summary>One process owns a LiteDB file: its own pace is the only one.</summary>
    public ISharedPace? Pace => null;

    public IChatLeases? Leases => null;

    /// <summary>LiteDB's multi-key indexes are not used (see <see cref="Collection{T}"/>): such a lookup reads the collection.</summary>
    public bool IndexesListItems => false;

    /// <summary>
    /// A collection whose owner's indexes are ensured the first time it is asked for in this process; every later
    /// call hands it out as it is.
    /// </summary>
    public IDocumentCollection<T> Collection<T>(string name, Action<Indexes<T>>? indexes = null)
    {
        Map(typeof(T));
        if (indexes is not null && !_prepared.ContainsKey(name))
        {
            lock (_prepared)
            {
                if (!_prepared.ContainsKey(name))
                {
                    lock (Writes)
                    {
                        // Under the write lock, on the file open now (a trim or a rebuild replaces it).
                        var collection = Database.GetCollection<T>(name);

                        // A list's items are not indexed here: LiteDB's multi-key indexes are left out of the embedded
                        // store until they have proven themselves under its concurrent readers and writers; such a
                        // lookup reads the collection (PostgreSQL answers it from a GIN index).
                        foreach (var index in Indexes<T>.Of(indexes).All.Where(i => !i.OnItems))
                        {
                            collection.EnsureIndex(BsonExpression.Create("$." + index.Path), index.Unique);
                        }
                    }

                    _prepared[name] = true;
                }
            }
        }

        if (typeof(T).IsDefined(typeof(OnceObjectIdsAttribute), false) && !_upgraded.ContainsKey(name))
        {
            lock (_upgraded)
            {
                if (!_upgraded.ContainsKey(name))
                {
                    lock (Writes)
                    {
                        TextIdsFromObjectIds(name);
                    }

                    _upgraded[name] = true;
                }
            }
        }

        return new LiteDbCollection<T>(this, name);
    }

    /// <summary>
    /// Each document whose id is an ObjectId is stored again under the id's text form and the old one removed; a stop
    /// between the two leaves both, and the next start removes the old one (the new one is replaced with the same).
    /// </summary>
    private void TextIdsFromObjectIds(string name)
    {
        var raw = Database.GetCollection(name);
        foreach (var document in raw.Find(Query.All()).Where(d => d["_id"].IsObjectId).ToList())
        {
            var old = document["_id"];
            document["_id"] = old.AsObjectId.ToString();
            raw.Upsert(document);
            raw.Delete(old);
        }
    }

    public bool CollectionExists(string name)
    {
        Enter();
        try
        {
            return Database.CollectionExists(name);
        }
        finally
        {
            Leave();
        }
    }

    public void DropCollection(string name)
    {
        lock (Writes)
        {
            Database.DropCollection(name);
            _prepared.TryRemove(name, out _);
        }
    }

    /// <summary>A read through a transaction, as every operation makes one (the header's pragmas are read without).</summary>
    public void Ping()
    {
        Enter();
        try
        {
            PingOrReopen();
        }
        finally
        {
            Leave();
        }
    }

    private void PingOrReopen()
    {
        var database = Database;
        try
        {
            Probe(database);
        }
        catch (Exception e) when (EngineFailed(e))
        {
            if (!Reopen(database, e))
            {
                throw new StorageException(e.Message, e);
            }

            PingOnce();
        }
        catch (LiteException e)
        {
            throw new StorageException(e.Message, e);
        }
    }

    private static void Probe(LiteDatabase database) => _ = database.GetCollection("inbox").Exists(Query.All());

    private void PingOnce()
    {
        try
        {
            Probe(Database);
        }
        catch (Exception e) when (e is LiteException or ObjectDisposedException)
        {
            throw new StorageException(e.Message, e);
        }
    }

    /// <summary>
    /// Copies the log into the data file under LiteDB's own exclusive lock, which keeps every transaction out; closing
    /// waits for it, since a close in the middle would leave the data file half written.
    /// </summary>
    public void Checkpoint()
    {
        lock (_maintenance)
        {
            if (!_closed)
            {
                Database.Checkpoint();
            }
        }
    }

    /// <summary>
    /// Rewrites the file without its free pages. LiteDB's rebuild closes the file and opens it again without a lock of
    /// its own, and writes made afterwards through the same instance can tie an index into a loop ("Detected loop in
    /// FindAll"). So no write runs meanwhile, the rebuild runs on an instance of its own, and the store goes on with a
    /// freshly opened one; a read under way fails and changes nothing.
    /// </summary>
    public void Compact()
    {
        lock (_maintenance)
        {
            lock (Writes)
            {
                if (_closed)
                {
                    return;
                }

                Database.Checkpoint();
                Database.Dispose();
                try
                {
                    using var rebuilding = Open();
                    rebuilding.Rebuild();
                }
                catch (LiteException e)
                {
                    throw new StorageException(e.Message, e);
                }
                finally
                {
                    _database = Open();
                }
            }
        }
    }

    /// <summary>How many times the file was opened again after LiteDB closed its engine on an internal check.</summary>
    public int Reopened => _reopened;

    private int _reopened;

    /// <summary>
    /// LiteDB 5.0.21 closes its engine for good when one of its own checks fails (error 999, "LiteDB ENSURE: …"), and
    /// every later call on that instance then fails the same way. Under many concurrent readers its page cache can give
    /// out a page that a reader is still taking ("pages in memory store must be non-shared", litedb-org/LiteDB#2252): a
    /// fault of the cache, not of the file. It closes its engine the same way on a failed read or write of the file
    /// (<see cref="IOException"/>: the disk full for a moment); the file is then opened again at the next use.
    /// </summary>
    /// <remarks>
    /// The closed engine has also disposed its locks, so a later call may fail with <see cref="ObjectDisposedException"/>
    /// instead; <see cref="Reopen"/> tells that from the store's own close and from a rebuild's replaced instance.
    /// </remarks>
    internal static bool EngineFailed(Exception e) =>
        e is LiteException { ErrorCode: LiteException.INVALID_DATAFILE_STATE or LiteException.ENGINE_DISPOSED } or ObjectDisposedException or IOException;

    /// <summary>
    /// Opens the file again when <paramref name="failed"/>, the instance an operation used, is still the store's: LiteDB
    /// reads the log's committed transactions back, and the operations after it go on. Waits, like a rebuild, for the
    /// write, checkpoint or rebuild under way; an instance already replaced is left alone. False when the store itself
    /// has been closed: the failure was the close's, and stays the caller's.
    /// </summary>
    internal bool Reopen(LiteDatabase failed, Exception reason)
    {
        lock (_maintenance)
        {
            lock (Writes)
            {
                if (_closed)
                {
                    return false;
                }

                if (!ReferenceEquals(_database, failed))
                {
                    return true;
                }

                try
                {
                    failed.Dispose();
                }
                catch (Exception e) when (e is LiteException or IOException or ObjectDisposedException)
                {
                    // Its engine is closed already; what is left to release fails the same way.
                }

                _database = Open();
                Interlocked.Increment(ref _reopened);
                _logger?.LogError(reason, "The database engine stopped on an internal check and the file was opened again ({Count} time(s) since the start)", _reopened);
                return true;
            }
        }
    }

    /// <summary>Reads and writes under way (a read of many until its enumeration ends); a trim waits for none.</summary>
    private int _inUse;

    /// <summary>1 while a trim closes and opens the file: a read or write arriving then waits for <see cref="_open"/>.</summary>
    private int _trimming;

    private readonly ManualResetEventSlim _open = new(initialState: true);

    private int _trimmed;

    /// <summary>How many times the page cache was let go (<see cref="TrimCache"/>).</summary>
    public int Trimmed => _trimmed;

    /// <summary>Marks a read or write as under way; waits while a trim is closing and opening the file.</summary>
    internal void Enter()
    {
        while (true)
        {
            Interlocked.Increment(ref _inUse);
            if (Volatile.Read(ref _trimming) == 0)
            {
                return;
            }

            Interlocked.Decrement(ref _inUse);
            _open.Wait();
        }
    }

    internal void Leave() => Interlocked.Decrement(ref _inUse);

    /// <summary>
    /// The open file's own API, for a read the document collections do not offer (every collection's raw documents);
    /// counted like theirs, so a trim waits for it.
    /// </summary>
    public TResult Raw<TResult>(Func<LiteDatabase, TResult> read)
    {
        Enter();
        try
        {
            return read(Database);
        }
        finally
        {
            Leave();
        }
    }

    /// <summary>The bytes LiteDB's page cache holds now (8 KB a page, what it allocated and keeps).</summary>
    public long CacheBytes() => Raw(database =>
    {
        using var reader = database.Execute("SELECT $ FROM $database");
        return reader.Read() ? reader.Current["cache"]["extendPages"].AsInt64 * 8192 : 0;
    });

    /// <summary>
    /// LiteDB 5.0.21's page cache grows to the most pages its transactions held at once and never gives any back: one
    /// big export or a burst of dialogs leaves tens of megabytes held for the rest of the process. When the cache holds
    /// more than <paramref name="limitBytes"/> and no read or write is under way, the file is checkpointed, closed and
    /// opened again with an empty cache, as a rebuild does. A read or write arriving meanwhile waits for it; one under
    /// way (a read of many still being enumerated, a write) is waited for up to <paramref name="waitForReads"/>, then puts
    /// the trim off. Returns the bytes let go, 0 when nothing was trimmed.
    /// </summary>
    public long TrimCache(long limitBytes, TimeSpan waitForReads = default)
    {
        if (_closed || waitForReads <= TimeSpan.Zero && Volatile.Read(ref _inUse) != 0)
        {
            return 0;
        }

        // Measured as a read first: below the limit (the usual case) nothing waits for the trim's locks.
        var held = CacheBytes();
        if (held <= limitBytes)
        {
            return 0;
        }

        lock (_maintenance)
        {
            if (_closed)
            {
                return 0;
            }

            _open.Reset();
            Interlocked.Exchange(ref _trimming, 1);
            try
            {
                // Either a read or write that began before the flag was set is counted here, or it sees the flag and
                // waits. The write lock is taken only once they have ended: a write counts itself before it takes it.
                var until = Environment.TickCount64 + (long)Math.Max(0, waitForReads.TotalMilliseconds);
                while (Volatile.Read(ref _inUse) != 0)
                {
                    if (Environment.TickCount64 >= until)
                    {
                        return 0;
                    }

                    Thread.Sleep(1);
                }

                lock (Writes)
                {
                    if (_closed)
                    {
                        return 0;
                    }

                    // Opened again even when the checkpoint or the close failed; should the opening fail too, the
                    // closed instance stays, and the next read or write opens the file (its engine is disposed).
                    var database = _database;
                    try
                    {
                        database.Checkpoint();
                    }
                    finally
                    {
                        try
                        {
                            database.Dispose();
                        }
                        finally
                        {
                            _database = Open();
                        }
                    }

                    Interlocked.Increment(ref _trimmed);
                    return held;
                }
            }
            finally
            {
                Interlocked.Exchange(ref _trimming, 0);
                _open.Set();
            }
        }
    }

    /// <summary>
    /// Reads documents from the database file of a bot that may be running: opened in LiteDB's shared mode only for
    /// the read, so the command line can work beside the bot. No file or no collection means nothing found.
    /// </summary>
    public static IReadOnlyList<T> ReadShared<T>(string path, string name, System.Linq.Expressions.Expression<Func<T, bool>> predicate)
    {
        if (!File.Exists(path))
        {
            return [];
        }

        using var database = OpenReadOnly(path);
        return database.CollectionExists(name) ? [.. database.GetCollection<T>(name).Find(predicate)] : [];
    }

    /// <summary>The file in LiteDB's shared mode, read-only, mapped and dated as the store maps and dates it.</summary>
    internal static LiteDatabase OpenReadOnly(string path) =>
        new(new ConnectionString { Filename = path, Connection = ConnectionType.Shared, ReadOnly = true }, NewMapper()) { UtcDate = true };

    /// <summary>Waits for a checkpoint or rebuild and for the write under way, then closes the file; a later write finds it closed.</summary>
    public void Dispose()
    {
        lock (_maintenance)
        {
            lock (Writes)
            {
                if (_closed)
                {
                    return;
                }

                _closed = true;
                try
                {
                    Database.Dispose();
                }
                finally
                {
                    Release(FilePath);
                }
            }
        }
    }

    private static BsonMapper NewMapper() => new DocumentMapper { EnumAsInteger = false, TrimWhitespace = false, EmptyStringToNull = false };

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
                _mapper.ToDocument(t, Activator.CreateInstance(t));
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

    /// <summary>LiteDB's mapper reading the provider-neutral marks: <see cref="DocumentIdAttribute"/> and <see cref="NotStoredAttribute"/>.</summary>
    private sealed class DocumentMapper : BsonMapper
    {
        public DocumentMapper()
        {
            ResolveMember = (type, member, mapper) =>
            {
                if (!DocumentMembers.IsStored(member))
                {
                    mapper.FieldName = null;
                }
                else if (mapper.FieldName == "_id" && member is PropertyInfo id)
                {
                    mapper.AutoId = DocumentMembers.AutoId(id);
                }
            };
        }

        protected override MemberInfo GetIdMember(IEnumerable<MemberInfo> members)
        {
            var list = members.ToList();
            var declaring = list.FirstOrDefault()?.DeclaringType;
            var id = declaring is null ? null : DocumentMembers.IdOf(declaring);
            return list.FirstOrDefault(m => m.Name == id?.Name) ?? base.GetIdMember(list);
        }
    }
}
