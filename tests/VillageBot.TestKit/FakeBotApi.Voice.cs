using System.Globalization;
using Telegram.Bot.Types;

namespace VillageBot.TestKit;

/// <summary>Voice messages: the recording is stored like any uploaded file and served through getFile and the download path.</summary>
public sealed partial class FakeBotApi
{
    /// <summary>Stores a recording as if a person had spoken it; returns the file id its voice message carries.</summary>
    public string AddVoice(byte[] ogg)
    {
        var n = Interlocked.Increment(ref _fileSeq).ToString(CultureInfo.InvariantCulture);
        var fileId = "AwACAgvoice" + n;
        _files[fileId] = ($"voice/file_{n}.oga", ogg);
        return fileId;
    }

    /// <summary>
    /// A voice message from the person. The size is the stored file's unless given, so a test can play a recording
    /// Telegram reports as larger than the Bot API serves.
    /// </summary>
    public Update SendVoice(long userId, string fileId, int seconds, string lang = "lv", long? fileSize = null) =>
        SendMessage(userId, m => m.Voice = new Voice
        {
            FileId = fileId,
            FileUniqueId = "u" + fileId,
            Duration = seconds,
            MimeType = "audio/ogg",
            FileSize = fileSize ?? (_files.TryGetValue(fileId, out var f) ? f.Bytes.Length : 0),
        }, lang);
}
