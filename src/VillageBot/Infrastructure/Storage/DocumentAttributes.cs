using System.Linq.Expressions;
using System.Reflection;

namespace VillageBot.Infrastructure.Storage;

/// <summary>The property that is the document's id when it is not called Id. An int id with autoId gets the next free number on insert.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class DocumentIdAttribute(bool autoId = true) : Attribute
{
    public bool AutoId { get; } = autoId;
}

/// <summary>
/// Documents of this type were once stored by LiteDB with ObjectId ids and now have text ids: the LiteDB store turns
/// each old id into its text form the first time the collection is asked for in a process, so a file written by the
/// earlier version is still read (other providers never held such ids).
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
public sealed class OnceObjectIdsAttribute : Attribute;

/// <summary>A property computed from others, never stored.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NotStoredAttribute : Attribute;

/// <summary>How a document's stored properties and id are found, the same for every provider.</summary>
public static class DocumentMembers
{
    /// <summary>The id property: marked <see cref="DocumentIdAttribute"/>, else Id, else &lt;TypeName&gt;Id.</summary>
    public static PropertyInfo? IdOf(Type type)
    {
        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance);
        return properties.FirstOrDefault(p => p.IsDefined(typeof(DocumentIdAttribute), true))
            ?? properties.FirstOrDefault(p => p.Name.Equals("Id", StringComparison.OrdinalIgnoreCase))
            ?? properties.FirstOrDefault(p => p.Name.Equals(type.Name + "Id", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Whether an int or long id of 0 gets the next free number on insert.</summary>
    public static bool AutoId(PropertyInfo id) =>
        id.GetCustomAttribute<DocumentIdAttribute>()?.AutoId ?? true;

    public static bool IsStored(MemberInfo member) => !member.IsDefined(typeof(NotStoredAttribute), true);

    /// <summary>"A.B" for x => x.A.B; null when the expression is not a chain of properties of the parameter.</summary>
    public static string? PathOf(Expression body)
    {
        var names = new Stack<string>();
        var e = body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : body;
        while (e is MemberExpression { Member: PropertyInfo p } m)
        {
            names.Push(p.Name);
            e = m.Expression;
        }

        return e is ParameterExpression && names.Count > 0 ? string.Join('.', names) : null;
    }
}
