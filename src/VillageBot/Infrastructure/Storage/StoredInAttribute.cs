using System.Reflection;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// The collection a document type is kept in, named where the type is defined, so tools that copy a whole database
/// (the migrate command) know each collection's type without asking every feature.
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
public sealed class StoredInAttribute(string collection) : Attribute
{
    public string Collection { get; } = collection;

    /// <summary>Every collection of the program and the type of its documents.</summary>
    public static IReadOnlyDictionary<string, Type> Catalog() =>
        typeof(StoredInAttribute).Assembly.GetTypes()
            .SelectMany(t => t.GetCustomAttributes<StoredInAttribute>(false).Select(a => (a.Collection, Type: t)))
            .ToDictionary(x => x.Collection, x => x.Type, StringComparer.Ordinal);
}
