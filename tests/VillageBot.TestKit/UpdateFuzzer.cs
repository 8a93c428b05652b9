using System.Text;
using Telegram.Bot.Types;
using Telegram.Bot.Types.Enums;

namespace VillageBot.TestKit;

/// <summary>Generates random and malformed updates from a fixed seed: junk text, commands, forged buttons, media, unknown kinds.</summary>
public sealed class UpdateFuzzer(int seed, IReadOnlyList<string> commands, IReadOnlyList<string> callbackPrefixes, IReadOnlyList<long> users)
{
    private static readonly string[] Fragments =
    [
        "", " ", "\u0000", "\u0007\u001b[31m", "\u202Eمرحبا بالعالم", "שלום", "👩‍👩‍👧‍👦🔥🏳️‍🌈", "ciems", "ceļš", "bedre uz ceļa", "нет света",
        "what is LEADER?", "'; DROP TABLE residents; --", "<script>alert(1)</script>", "{0}{1}{{}}", "%s%n", "\\", "\"", "\r\n\r\n",
        "null", "undefined", "NaN", "-1", "99999999999999999999", "💩", "\uFEFF", "\uD800", "ā", "Ā", "ı", "ß", "i̇", "@village_test_bot",
    ];

    private readonly Random _random = new(seed);

    public Update Next(int id)
    {
        var user = users[_random.Next(users.Count)];
        return _random.Next(12) switch
        {
            0 or 1 or 2 => Text(id, user, RandomText()),
            3 or 4 => Text(id, user, "/" + Pick(commands) + (_random.Next(2) == 0 ? "" : " " + RandomText())),
            5 => Text(id, user, "/" + RandomWord()),
            6 or 7 => Callback(id, user, ForgedData()),
            8 => Media(id, user),
            9 => Unknown(id, user),
            10 => Text(id, user, new string(Pick(["x", "ā", "😀", "ж"])[0], _random.Next(3000, 9000))),
            _ => MissingFields(id, user),
        };
    }

    private string RandomText()
    {
        var sb = new StringBuilder();
        for (var i = _random.Next(1, 6); i > 0; i--)
        {
            sb.Append(Pick(Fragments));
            if (_random.Next(3) == 0)
            {
                sb.Append((char)_random.Next(0x20, 0x2FFF));
            }
        }

        return sb.ToString();
    }

    private string RandomWord() => new([.. Enumerable.Range(0, _random.Next(1, 40)).Select(_ => (char)_random.Next('a', 'z' + 1))]);

    private string ForgedData()
    {
        var prefix = _random.Next(4) == 0 ? RandomWord() : Pick(callbackPrefixes);
        var args = Enumerable.Range(0, _random.Next(0, 4)).Select(_ => _random.Next(3) switch
        {
            0 => _random.Next(-5, 100000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            1 => RandomWord(),
            _ => Pick(Fragments),
        });
        var data = string.Join(':', new[] { prefix }.Concat(args));
        return _random.Next(10) == 0 ? data + new string('9', 70) : data;
    }

    private static Chat Private(long user) => new() { Id = user, Type = ChatType.Private };

    private Message Base(long user, Chat? chat = null) =>
        new() { Id = _random.Next(1, 1_000_000), From = FakeBotApi.Person(user, Pick(["lv", "en", "ru", "de", ""])), Chat = chat ?? Private(user), Date = DateTime.UtcNow };

    private Update Text(int id, long user, string text)
    {
        var m = Base(user);
        m.Text = text;
        return new Update { Id = id, Message = m };
    }

    private Update Callback(int id, long user, string data) => new()
    {
        Id = id,
        CallbackQuery = new CallbackQuery { Id = "cb" + id, From = FakeBotApi.Person(user), ChatInstance = "ci", Data = data, Message = Base(user) },
    };

    private Update Media(int id, long user)
    {
        var m = Base(user);
        switch (_random.Next(6))
        {
            case 0:
                m.Sticker = new Sticker { FileId = "s", FileUniqueId = "s", Width = 1, Height = 1, Type = StickerType.Regular };
                break;
            case 1:
                m.Photo = [new PhotoSize { FileId = "p", FileUniqueId = "p", Width = 1, Height = 1 }];
                m.Caption = _random.Next(2) == 0 ? null : RandomText();
                break;
            case 2:
                m.Voice = new Voice { FileId = "v", FileUniqueId = "v", Duration = 1 };
                break;
            case 3:
                m.Location = new Location { Latitude = _random.NextDouble() * 180 - 90, Longitude = _random.NextDouble() * 360 - 180 };
                break;
            case 4:
                m.Contact = new Contact { PhoneNumber = "+37120000000", FirstName = "X" };
                break;
            default:
                m.Document = new Document { FileId = "d", FileUniqueId = "d", FileName = "../../etc/passwd" };
                break;
        }

        return new Update { Id = id, Message = m };
    }

    private Update Unknown(int id, long user) => _random.Next(5) switch
    {
        0 => new Update { Id = id, EditedMessage = Base(user) },
        1 => new Update { Id = id, ChannelPost = Base(user, new Chat { Id = -1001, Type = ChatType.Channel }) },
        2 => new Update { Id = id, InlineQuery = new InlineQuery { Id = "iq", From = FakeBotApi.Person(user), Query = RandomText(), Offset = "" } },
        3 => new Update { Id = id, Poll = new Poll { Id = "px", Question = "?", Options = [], Type = PollType.Regular } },
        _ => new Update { Id = id, PollAnswer = new PollAnswer { PollId = RandomWord(), User = FakeBotApi.Person(user), OptionIds = [_random.Next(-3, 20)] } },
    };

    private Update MissingFields(int id, long user) => _random.Next(5) switch
    {
        0 => new Update { Id = id, Message = new Message { Id = 1, Chat = Private(user), Date = DateTime.UtcNow, Text = "/start" } },
        1 => new Update { Id = id, CallbackQuery = new CallbackQuery { Id = "cbm" + id, From = FakeBotApi.Person(user), ChatInstance = "ci", Data = "lang:lv" } },
        2 => new Update { Id = id, Message = Base(user, new Chat { Id = -5000 - user, Type = ChatType.Group }) },
        3 => new Update { Id = id, CallbackQuery = new CallbackQuery { Id = "cbn" + id, From = FakeBotApi.Person(user), ChatInstance = "ci", Message = Base(user) } },
        _ => new Update { Id = id },
    };

    private T Pick<T>(IReadOnlyList<T> list) => list[_random.Next(list.Count)];
}
