namespace VillageBot.Tests.Questions;

/// <summary>
/// A temporary data folder holding a copy of the shipped knowledge base without some of its articles, for behaviour
/// that needs a topic missing in one language (every topic is written in all three).
/// </summary>
public sealed class KnowledgeCopy : IDisposable
{
    public KnowledgeCopy(params string[] leftOut)
    {
        var source = KnowledgeBaseTests.KnowledgeFolder;
        var target = Path.Combine(DataPath, "knowledge");
        foreach (var file in Directory.EnumerateFiles(source, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(source, file).Replace('\\', '/');
            if (leftOut.Contains(relative))
                continue;
            var copy = Path.Combine(target, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(copy)!);
            File.Copy(file, copy);
        }
    }

    public string DataPath { get; } = Path.Combine(Path.GetTempPath(), "villagebot-knowledge-" + Guid.NewGuid().ToString("N"));

    public void Dispose() => Directory.Delete(DataPath, recursive: true);
}
