using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Telegram.Bot;
using Telegram.Bot.Types;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>
/// An append-only file, flushed to disk, of the updates received since the last checkpoint. LiteDB writes its log
/// in a background thread, so a commit can be lost to a kill in the first milliseconds; this journal is what makes
/// "stored before Telegram is told it arrived" true. After a checkpoint of the database it is emptied.
/// </summary>
public sealed class UpdateJournal : IDisposable
{
    private const int CheckpointEvery = 5000;
    private readonly string _path;
    private readonly IDocumentStore _db;
    private readonly object _lock = new();
    private FileStream _file;
    private int _sinceCheckpoint;

    public UpdateJournal(IDocumentStore db, IOptions<StorageOptions> options)
    {
        _db = db;
        _path = Path.Combine(options.Value.ResolvedDirectory, "updates.journal");

        // On PostgreSQL nothing else may have made the data directory yet.
        Directory.CreateDirectory(options.Value.ResolvedDirectory);
        _file = Open();
    }

    /// <summary>Writes the updates and waits until they are on disk.</summary>
    public void Append(IReadOnlyCollection<Update> updates)
    {
        if (updates.Count == 0)
        {
            return;
        }

        var text = new StringBuilder();
        foreach (var u in updates)
        {
            text.Append(JsonSerializer.Serialize(u, JsonBotAPI.Options)).Append('\n');
        }

        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        lock (_lock)
        {
            _file.Write(bytes);
            _file.Flush(flushToDisk: true);
            _sinceCheckpoint += updates.Count;
        }
    }

    /// <summary>Called once the journaled updates are in the inbox: every so often the database is checkpointed and the journal emptied.</summary>
    public void Stored()
    {
        lock (_lock)
        {
            if (_sinceCheckpoint >= CheckpointEvery)
            {
                Truncate();
            }
        }
    }

    /// <summary>The updates written since the last checkpoint (those a crash may have kept out of the inbox).</summary>
    public IReadOnlyList<Update> ReadAll()
    {
        lock (_lock)
        {
            _file.Flush();
            var result = new List<Update>();
            foreach (var line in System.IO.File.ReadLines(_path))
            {
                if (line.Length == 0)
                {
                    continue;
                }

                try
                {
                    if (JsonSerializer.Deserialize<Update>(line, JsonBotAPI.Options) is { } u)
                    {
                        result.Add(u);
                    }
                }
                catch (JsonException)
                {
                    // A line cut short by the crash itself was never acknowledged to Telegram, so it is sent again.
                }
            }

            return result;
        }
    }

    /// <summary>Rewrites the journal without the person's updates (they asked to be forgotten; the inbox has the rest).</summary>
    public void ForgetSender(long userId)
    {
        lock (_lock)
        {
            _file.Flush();
            var kept = new StringBuilder();
            foreach (var line in System.IO.File.ReadLines(_path))
            {
                Update? update = null;
                try
                {
                    update = line.Length == 0 ? null : JsonSerializer.Deserialize<Update>(line, JsonBotAPI.Options);
                }
                catch (JsonException)
                {
                    // A cut line is dropped, as reading it after a crash would.
                }

                if (update is not null && UpdateSender.Of(update) != userId)
                {
                    kept.Append(line).Append('\n');
                }
            }

            _file.SetLength(0);
            _file.Write(Encoding.UTF8.GetBytes(kept.ToString()));
            _file.Flush(flushToDisk: true);
        }
    }

    /// <summary>Makes everything in the database durable, then empties the journal.</summary>
    public void Truncate()
    {
        lock (_lock)
        {
            _db.Checkpoint();
            _file.SetLength(0);
            _file.Flush(flushToDisk: true);
            _sinceCheckpoint = 0;
        }
    }

    public void Dispose() => _file.Dispose();

    private FileStream Open() => new(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read) { Position = new FileInfo(_path).Length };
}
