using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Messaging;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.LocalChat;

/// <summary>
/// The conversation shown on the local chat page (local mode): what each side said, in order, with the polls
/// and files the bot sent. Kept in the database, so a restart keeps every browser's conversation, and bounded:
/// the last LocalChat:MaxHistory messages of the LocalChat:MaxPeople most recently active people.
/// </summary>
public sealed class LocalChatStore
{
    private readonly IDocumentStore _db;
    private readonly IOptions<LocalChatOptions> _options;
    private readonly Lock _gate = new();
    private long _version = -1;

    public LocalChatStore(IDocumentStore db, IOptions<LocalChatOptions> options)
    {
        _db = db;
        _options = options;
        _ = (Messages, People, Files);
    }

    private IDocumentCollection<LocalMessage> Messages => _db.Collection<LocalMessage>("local_chat", i => i.On(m => m.ChatId).On(m => m.Version));

    private IDocumentCollection<LocalPerson> People => _db.Collection<LocalPerson>("local_chat_people", i => i.On(p => p.LastVersion));

    private IDocumentCollection<LocalFile> Files => _db.Collection<LocalFile>("local_chat_files", i => i.On(f => f.ChatId));

    public LocalMessage Add(long chatId, string from, string text, Keyboard? keyboard = null, string? imageBase64 = null, LocalPoll? poll = null, LocalFile? file = null)
    {
        lock (_gate)
        {
            var message = new LocalMessage { ChatId = chatId, From = from, Text = text, Buttons = Buttons(keyboard), Image = imageBase64, Poll = poll, Version = NextVersion() };
            if (file is not null)
            {
                file.ChatId = chatId;
                Files.Insert(file);
                message.File = new LocalFileRef { Id = file.Id, Name = file.Name, Size = file.Content.Length };
            }

            Messages.Insert(message);
            if (poll is not null)
            {
                poll.Id = $"local-{message.Id}";
                Messages.Update(message);
            }

            Touch(chatId, message.Version);
            Trim(chatId);
            return message;
        }
    }

    public void Edit(long chatId, int messageId, string text, Keyboard? keyboard)
    {
        lock (_gate)
        {
            if (Messages.FindById(messageId) is { From: "bot" } message && message.ChatId == chatId)
            {
                message.Text = text;
                message.Buttons = Buttons(keyboard);
                message.Version = NextVersion();
                Messages.Update(message);
            }
        }
    }

    /// <summary>The person's poll on message <paramref name="messageId"/>, or null when it is not theirs.</summary>
    public LocalMessage? PollMessage(long chatId, int messageId) =>
        Messages.FindById(messageId) is { Poll: not null } message && message.ChatId == chatId ? message : null;

    /// <summary>Remembers the person's choice so the page shows it (and, in a quiz, whether it was right).</summary>
    public void Vote(LocalMessage message, IReadOnlyList<int> choice)
    {
        lock (_gate)
        {
            message.Poll!.Chosen = [.. choice];
            message.Version = NextVersion();
            Messages.Update(message);
        }
    }

    public void StopPoll(long chatId, int messageId)
    {
        lock (_gate)
        {
            if (PollMessage(chatId, messageId) is { } message)
            {
                message.Poll!.Closed = true;
                message.Version = NextVersion();
                Messages.Update(message);
            }
        }
    }

    public IReadOnlyList<LocalMessage> Since(long chatId, long version) =>
        [.. Messages.Find(m => m.ChatId == chatId && m.Version > version).OrderBy(m => m.Id)];

    /// <summary>A file the bot sent to this person; another person's file is not found.</summary>
    public LocalFile? File(long chatId, int fileId) => Files.FindById(fileId) is { } file && file.ChatId == chatId ? file : null;

    public IReadOnlyList<LocalMessage> All(long chatId) => Since(chatId, -1);

    public void Erase(long chatId)
    {
        lock (_gate)
        {
            Messages.DeleteMany(m => m.ChatId == chatId);
            Files.DeleteMany(f => f.ChatId == chatId);
            People.Delete(chatId);
        }
    }

    /// <summary>Versions only grow, across restarts too, so a page that polls "since" never misses a message.</summary>
    private long NextVersion()
    {
        if (_version < 0)
        {
            _version = Messages.Max(m => m.Version, 0L);
        }

        return ++_version;
    }

    private void Touch(long chatId, long version)
    {
        if (People.FindById(chatId) is { } known)
        {
            known.LastVersion = version;
            People.Update(known);
            return;
        }

        // A new person would exceed the cap: the conversation that changed longest ago leaves.
        if (People.Count() >= _options.Value.MaxPeople && People.FirstBy(p => p.LastVersion) is { } idlest)
        {
            Messages.DeleteMany(m => m.ChatId == idlest.Id);
            Files.DeleteMany(f => f.ChatId == idlest.Id);
            People.Delete(idlest.Id);
        }

        People.Insert(new LocalPerson { Id = chatId, LastVersion = version });
    }

    private void Trim(long chatId)
    {
        var excess = Messages.Count(m => m.ChatId == chatId) - _options.Value.MaxHistory;
        if (excess <= 0)
        {
            return;
        }

        foreach (var old in Messages.Find(m => m.ChatId == chatId).OrderBy(m => m.Id).Take(excess).ToList())
        {
            Messages.Delete(old.Id);
            if (old.File is { } file)
            {
                Files.Delete(file.Id);
            }
        }
    }

    private static List<List<LocalButton>>? Buttons(Keyboard? keyboard) =>
        keyboard?.Rows.Select(r => r.Select(b => new LocalButton { Text = b.Text, Data = b.Data, Url = b.Url }).ToList()).ToList();
}

[StoredIn("local_chat")]
public sealed class LocalMessage
{
    public int Id { get; set; }

    public long ChatId { get; set; }

    public string From { get; set; } = "";

    public string Text { get; set; } = "";

    public List<List<LocalButton>>? Buttons { get; set; }

    public string? Image { get; set; }

    public LocalPoll? Poll { get; set; }

    public LocalFileRef? File { get; set; }

    public long Version { get; set; }
}

public sealed class LocalButton
{
    public string Text { get; set; } = "";

    public string? Data { get; set; }

    public string? Url { get; set; }
}

/// <summary>A poll as Telegram would show it; the poll id is what a vote names in its poll_answer.</summary>
public sealed class LocalPoll
{
    public string Id { get; set; } = "";

    public List<string> Options { get; set; } = [];

    public bool IsAnonymous { get; set; }

    public bool AllowsMultipleAnswers { get; set; }

    public bool IsQuiz { get; set; }

    public int? CorrectOption { get; set; }

    public string? Explanation { get; set; }

    public List<int>? Chosen { get; set; }

    public bool Closed { get; set; }
}

public sealed class LocalFileRef
{
    public int Id { get; set; }

    public string Name { get; set; } = "";

    public int Size { get; set; }
}

[StoredIn("local_chat_files")]
public sealed class LocalFile
{
    public int Id { get; set; }

    public long ChatId { get; set; }

    public string Name { get; set; } = "";

    public byte[] Content { get; set; } = [];
}

[StoredIn("local_chat_people")]
public sealed class LocalPerson
{
    public long Id { get; set; }

    public long LastVersion { get; set; }
}
