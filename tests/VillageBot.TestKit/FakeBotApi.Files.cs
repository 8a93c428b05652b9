using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Telegram.Bot.Types;

namespace VillageBot.TestKit;

/// <summary>Files people "uploaded" (photos in their messages), served through getFile and the file download path.</summary>
public sealed partial class FakeBotApi
{
    private readonly ConcurrentDictionary<string, (string Path, byte[] Bytes)> _files = new();
    private int _fileSeq;

    /// <summary>Stores bytes as if a person had sent them; returns the file id a message would carry.</summary>
    public string AddFile(byte[] bytes, string extension = "jpg")
    {
        var n = Interlocked.Increment(ref _fileSeq).ToString(CultureInfo.InvariantCulture);
        var fileId = "AgACAgfile" + n;
        _files[fileId] = ($"photos/file_{n}.{extension}", bytes);
        return fileId;
    }

    /// <summary>A photo message's sizes for a stored file, as Telegram sends them.</summary>
    public PhotoSize[] PhotoOf(string fileId) =>
        [new PhotoSize { FileId = fileId, FileUniqueId = "u" + fileId, Width = 1280, Height = 960, FileSize = _files[fileId].Bytes.Length }];

    private IResult GetFile(RequestArgs args)
    {
        var id = args.Str("file_id") ?? "";
        return _files.TryGetValue(id, out var f)
            ? Ok(new TGFile { FileId = id, FileUniqueId = "u" + id, FileSize = f.Bytes.Length, FilePath = f.Path })
            : Error(400, "Bad Request: invalid file_id");
    }

    private IResult Download(string token, string path)
    {
        _calls.AddOrUpdate("download", 1, (_, n) => n + 1);
        if (!string.Equals(token, Token, StringComparison.Ordinal))
        {
            return Results.NotFound();
        }

        var match = _files.Values.FirstOrDefault(f => f.Path == path);
        return match.Bytes is null ? Results.NotFound() : Results.Bytes(match.Bytes, "application/octet-stream");
    }
}
