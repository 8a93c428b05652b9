using System.Reflection;
using LiteDB;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Tests.Infrastructure.Storage;

/// <summary>
/// LiteDB 5.0.21 closes its engine for good when one of its own checks fails, as its page cache's can under many
/// concurrent readers ("pages in memory store must be non-shared"); every later call then failed the same way and the
/// bot retried its updates forever. The store opens the file again. The failure is made here as LiteDB makes it: its
/// engine state handles the exception (keeps it and closes the engine).
/// </summary>
public sealed class LiteDbEngineFailureTests
{
    public sealed class Note
    {
        public int Id { get; set; }

        public string Text { get; set; } = "";
    }

    /// <summary>What LiteDB does when a check fails inside an operation: the engine keeps the error and closes.</summary>
    internal static void FailEngine(LiteDatabase database, Exception? failure = null)
    {
        const BindingFlags inside = BindingFlags.NonPublic | BindingFlags.Instance;
        var engine = typeof(LiteDatabase).GetField("_engine", inside)!.GetValue(database)!;
        var state = engine.GetType().GetField("_state", inside)!.GetValue(engine)!;
        var handle = state.GetType().GetMethod("Handle", inside | BindingFlags.Public, [typeof(Exception)])!;
        handle.Invoke(state, [failure ?? new LiteException(LiteException.INVALID_DATAFILE_STATE, "LiteDB ENSURE: pages in memory store must be non-shared")]);
    }

    internal static LiteDbStore NewStore() =>
        new(Options.Create(new StorageOptions { DataDirectory = BotHost.NewDataDirectory() }));

    [Fact]
    public void Reads_after_the_engine_closed_itself_find_every_document_on_the_file_opened_again()
    {
        using var store = NewStore();
        var notes = store.Collection<Note>("notes");
        for (var i = 1; i <= 50; i++)
        {
            notes.Insert(new Note { Text = "note " + i });
        }

        var failed = store.Database;
        FailEngine(failed);
        // As LiteDB leaves it: every later call on that instance fails (the error kept, or its disposed locks).
        var raw = Record.Exception(() => failed.GetCollection<Note>("notes").Count());
        Assert.True(raw is LiteException or ObjectDisposedException, raw?.ToString() ?? "no failure");

        Assert.Equal(50, notes.Count());
        Assert.Equal(1, store.Reopened);
        Assert.NotSame(failed, store.Database);
        Assert.Equal("note 7", notes.FindById(7)!.Text);
        Assert.Equal(50, notes.FindAll().Count());
        Assert.Equal(1, store.Reopened);

        FailEngine(store.Database);
        Assert.Equal(["note 3", "note 4"], notes.Find(n => n.Id == 3 || n.Id == 4).Select(n => n.Text).OrderBy(t => t, StringComparer.Ordinal));
        Assert.Equal(2, store.Reopened);

        FailEngine(store.Database);
        store.Ping();
        Assert.Equal(3, store.Reopened);

        // A failed read or write of the file closes the engine as well.
        FailEngine(store.Database, new IOException("No space left on device"));
        Assert.Equal(50, notes.Count());
        Assert.Equal(4, store.Reopened);
    }

    [Fact]
    public void A_write_on_a_closed_engine_fails_and_changes_nothing_and_the_next_one_is_kept()
    {
        using var store = NewStore();
        var notes = store.Collection<Note>("notes");
        notes.Insert(new Note { Text = "kept" });

        FailEngine(store.Database);
        Assert.Throws<StorageException>(() => notes.Insert(new Note { Text = "refused" }));
        Assert.Equal(1, store.Reopened);
        Assert.Equal(["kept"], notes.FindAll().Select(n => n.Text));

        notes.Insert(new Note { Text = "after" });
        Assert.Equal(["kept", "after"], notes.FindAll().Select(n => n.Text));
        Assert.False(notes.TryInsert(new Note { Id = 1, Text = "same id" }));
    }

    [Fact]
    public void What_was_written_before_the_engine_closed_is_in_the_file_when_it_is_opened_anew()
    {
        var directory = BotHost.NewDataDirectory();
        var options = Options.Create(new StorageOptions { DataDirectory = directory });
        using (var store = new LiteDbStore(options))
        {
            var notes = store.Collection<Note>("notes");
            for (var i = 1; i <= 20; i++)
            {
                notes.Insert(new Note { Text = "note " + i });
            }

            FailEngine(store.Database);
            Assert.Throws<StorageException>(() => notes.Update(new Note { Id = 19, Text = "refused" }));
            Assert.True(notes.Update(new Note { Id = 20, Text = "changed" }));
        }

        using var again = new LiteDbStore(options);
        var reread = again.Collection<Note>("notes");
        Assert.Equal(20, reread.Count());
        Assert.Equal("note 19", reread.FindById(19)!.Text);
        Assert.Equal("changed", reread.FindById(20)!.Text);
        Assert.Equal(0, again.Reopened);
    }

    [Fact]
    public async Task The_bot_goes_on_answering_through_the_real_client_after_the_engine_closed_itself()
    {
        await using var api = await FakeBotApi.StartAsync();
        await using var host = await BotHost.StartAsync(api, settings: new Dictionary<string, string?> { ["Storage:Provider"] = nameof(StorageProvider.LiteDb) });
        var store = Assert.IsType<LiteDbStore>(host.Db);
        var user = new FakeUser(api, 4_410_001, "en");
        user.Send("/start");
        await user.ExpectTextAsync("Hello");
        await host.IdleAsync();

        FailEngine(store.Database);
        user.Send("/start");
        await user.ExpectTextAsync("Hello");
        await host.IdleAsync();
        Assert.Equal(1, store.Reopened);

        using var client = host.CreateClient();
        Assert.Contains("ready", await client.GetStringAsync("/healthz"));
    }
}
