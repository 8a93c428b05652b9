using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>
/// LiteDB 5.0.21 gives each collection its own write lock but shares the file's list of free pages between them, so
/// writes to two collections at once can hand one page to both and leave a file that no longer opens (litedb-org/LiteDB#2825).
/// The store lets one write at a time through; these tests write from many threads and open the file again.
/// They run on threads of their own and alone (<see cref="StressCollection"/>): a dozen busy loops on the shared thread
/// pool would hold up every bot host of the test run on a two-core machine.
/// </summary>
[Collection(StressCollection.Name)]
public sealed class LiteDbConcurrencyTests
{
    public sealed class Note
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";

        public int Round { get; set; }
    }

    [Fact]
    public async Task Writes_to_many_collections_at_once_leave_a_file_that_opens_with_every_document()
    {
        var directory = BotHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var options = Options.Create(new StorageOptions { DataDirectory = directory });
        const int writers = 8, rounds = 300;
        var expected = new Dictionary<string, int>();
        using (var store = new LiteDbStore(options))
        {
            var tasks = Enumerable.Range(0, writers).Select(w => OwnThread(() =>
            {
                var notes = store.Collection<Note>($"notes_{w}", i => i.On(n => n.Round));
                var kept = 0;
                for (var round = 0; round < rounds; round++)
                {
                    kept += Write(notes, w, round) ? 1 : 0;

                    if (round % 50 == 49)
                    {
                        var from = round - 10;
                        var to = round - 5;
                        kept -= notes.DeleteMany(n => n.Round > from && n.Round < to);
                    }
                }

                return (Name: $"notes_{w}", Kept: kept);
            })).ToList();
            foreach (var (name, kept) in await Task.WhenAll(tasks))
            {
                expected[name] = kept;
            }
        }

        using (var again = new LiteDbStore(options))
        {
            foreach (var (name, kept) in expected)
            {
                var notes = again.Collection<Note>(name, i => i.On(n => n.Round));
                Assert.Equal(kept, notes.Count());
                Assert.Equal(kept, notes.FindAll().Count(n => n.Text.Length >= 50));
                Assert.Equal(kept, notes.Count(n => n.Round >= 0));
            }
        }
    }

    [Fact]
    public async Task A_second_store_on_the_same_file_opens_only_once_the_first_has_closed_it()
    {
        var directory = BotHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var options = Options.Create(new StorageOptions { DataDirectory = directory });
        var first = new LiteDbStore(options);
        first.Collection<Note>("notes").Insert(new Note { Text = "first", Round = 1 });
        var closed = 0;
        var second = OwnThread(() =>
        {
            var store = new LiteDbStore(options);
            return (Store: store, ClosedBefore: Volatile.Read(ref closed) == 1);
        });

        Volatile.Write(ref closed, 1);
        first.Dispose();
        var (again, closedBefore) = await second;
        using (again)
        {
            Assert.True(closedBefore);
            Assert.Equal("first", Assert.Single(again.Collection<Note>("notes").FindAll()).Text);
        }
    }

    [Fact]
    public void A_compacted_store_goes_on_reading_and_writing()
    {
        var directory = BotHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        using var store = new LiteDbStore(Options.Create(new StorageOptions { DataDirectory = directory }));
        var notes = store.Collection<Note>("notes", i => i.On(n => n.Round));
        Write(notes, 0, 1);
        store.Compact();
        Write(notes, 0, 2);
        store.Compact();

        Assert.Equal(2, notes.Count());
        Assert.Equal(2, store.Collection<Note>("notes").Count(n => n.Round > 0));
    }

    [Theory]
    [InlineData(50)]
    [InlineData(150)]
    [InlineData(400)]
    public async Task A_store_closed_while_many_threads_write_opens_again_with_readable_collections(int closeAfterMs)
    {
        var directory = BotHost.NewDataDirectory();
        Directory.CreateDirectory(directory);
        var options = Options.Create(new StorageOptions { DataDirectory = directory });
        const int writers = 8;
        var store = new LiteDbStore(options);
        var closing = 0;
        var tasks = Enumerable.Range(0, writers).Select(w => OwnThread(() =>
        {
            try
            {
                var notes = store.Collection<Note>($"notes_{w}", i => i.On(n => n.Round));
                for (var round = 0; ; round++)
                {
                    Write(notes, w, round);
                }
            }
            catch (Exception) when (Volatile.Read(ref closing) == 1)
            {
                // A write after the close finds the file closed; that is the one failure expected here.
            }
        })).ToList();

        // The journal makes the file durable every so often while others write; a close must not cut a checkpoint short.
        tasks.Add(OwnThread(() =>
        {
            while (Volatile.Read(ref closing) == 0)
            {
                store.Checkpoint();
            }
        }));
        // Handlers read while others write: lookups and scans that are still under way when the file closes.
        tasks.AddRange(Enumerable.Range(0, 4).Select(r => OwnThread(() =>
        {
            try
            {
                var notes = store.Collection<Note>($"notes_{r}", i => i.On(n => n.Round));
                for (var round = 0; Volatile.Read(ref closing) == 0; round++)
                {
                    var from = round % 50;
                    _ = notes.Find(n => n.Round > from).Take(20).Count();
                    _ = notes.FindById(round % 100);
                }
            }
            catch (Exception) when (Volatile.Read(ref closing) == 1)
            {
            }
        })));
        await Task.Delay(closeAfterMs);
        Volatile.Write(ref closing, 1);
        store.Dispose();
        await Task.WhenAll(tasks);

        using var again = new LiteDbStore(options);
        for (var w = 0; w < writers; w++)
        {
            var notes = again.Collection<Note>($"notes_{w}", i => i.On(n => n.Round));
            var all = notes.FindAll().ToList();
            Assert.Equal(all.Count, notes.Count());
            Assert.Equal(all.Count, notes.Count(n => n.Round >= 0));
            notes.Insert(new Note { Text = "after", Round = -1 });
            Assert.Equal(all.Count + 1, notes.Count());
        }
    }

    private static Task OwnThread(Action work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    private static Task<T> OwnThread<T>(Func<T> work) => Task.Factory.StartNew(work, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);

    /// <summary>
    /// A document of changing size, inserted, grown, and every third one deleted, so pages are taken from and given back
    /// to the file's free list. True when the document stays.
    /// </summary>
    private static bool Write(IDocumentCollection<Note> notes, int writer, int round)
    {
        var note = new Note { Text = new string((char)('a' + writer), 50 + (round * 37 % 3000)), Round = round };
        notes.Insert(note);
        note.Text += new string('z', round % 5000);
        notes.Update(note);
        if (round % 3 != 0)
        {
            return true;
        }

        notes.Delete(note.Id);
        return false;
    }
}
