using VillageBot.Features.Questions.Retrieval;

namespace VillageBot.Features.Questions.Ai;

/// <summary>Writes an answer from retrieved passages; null when it cannot (error, timeout), so the caller falls back.</summary>
public interface IAnswerWriter
{
    Task<string?> WriteAsync(string question, string lang, IReadOnlyList<Passage> passages, CancellationToken ct);
}
