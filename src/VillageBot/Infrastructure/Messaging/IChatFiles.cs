namespace VillageBot.Infrastructure.Messaging;

/// <summary>Files people sent to the bot (report photos), fetched by their file id when a page shows them.</summary>
public interface IChatFiles
{
    /// <summary>The file's bytes, or null when it cannot be had (unknown id, local mode, too large).</summary>
    Task<byte[]?> DownloadAsync(string fileId, CancellationToken ct = default);
}

/// <summary>Local mode has no file storage: the local chat page sends text only.</summary>
public sealed class NoChatFiles : IChatFiles
{
    public Task<byte[]?> DownloadAsync(string fileId, CancellationToken ct = default) => Task.FromResult<byte[]?>(null);
}
