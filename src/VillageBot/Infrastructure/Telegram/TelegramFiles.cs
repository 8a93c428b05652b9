using Telegram.Bot;
using Telegram.Bot.Exceptions;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Infrastructure.Telegram;

/// <summary>Downloads a file through the Bot API (getFile, then the file path), as Telegram keeps it.</summary>
public sealed class TelegramFiles(ITelegramBotClient bot, ILogger<TelegramFiles> log) : IChatFiles
{
    /// <summary>The Bot API serves files up to 20 MB; larger ones are refused before downloading.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    public async Task<byte[]?> DownloadAsync(string fileId, CancellationToken ct = default)
    {
        try
        {
            var file = await bot.GetFile(fileId, ct);
            if (file.FilePath is null || file.FileSize > MaxBytes)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            await bot.DownloadFile(file.FilePath, buffer, ct);
            return buffer.ToArray();
        }
        catch (ApiRequestException e)
        {
            log.LogInformation("File could not be fetched from Telegram: {Message}", e.Message);
            return null;
        }
        catch (HttpRequestException e)
        {
            log.LogWarning("File download failed: {Message}", e.Message);
            return null;
        }
    }
}
