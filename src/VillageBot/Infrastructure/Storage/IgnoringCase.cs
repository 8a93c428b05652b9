using System.Linq.Expressions;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// A predicate as LiteDB's default collation answers it: text compared with ==, !=, Equals, StartsWith, EndsWith or
/// Contains, and a list of texts asked whether it contains one, ignore case. PostgreSQL checks in memory what its SQL
/// could not say; through this, a predicate finds the same documents whichever part of it ran in the database.
/// </summary>
internal sealed class IgnoringCase : ExpressionVisitor
{
    private static readonly ConstantExpression Comparison = Expression.Constant(StringComparison.OrdinalIgnoreCase);

    public static Func<T, bool> Compile<T>(Expression<Func<T, bool>> predicate) =>
        ((Expression<Func<T, bool>>)new IgnoringCase().Visit(predicate)).Compile();

    protected override Expression VisitBinary(BinaryExpression node)
    {
        if (node.NodeType is ExpressionType.Equal or ExpressionType.NotEqual && node.Left.Type == typeof(string) && node.Right.Type == typeof(string))
        {
            var equals = Expression.Call(
                typeof(string).GetMethod(nameof(string.Equals), [typeof(string), typeof(string), typeof(StringComparison)])!,
                Visit(node.Left),
                Visit(node.Right),
                Comparison);
            return node.NodeType == ExpressionType.Equal ? equals : Expression.Not(equals);
        }

        return base.VisitBinary(node);
    }

    protected override Expression VisitMethodCall(MethodCallExpression node)
    {
        if (node.Method.DeclaringType == typeof(string) && node.Object is not null && node.Arguments.Count == 1
            && node.Method.Name is nameof(string.StartsWith) or nameof(string.EndsWith) or nameof(string.Contains) or nameof(string.Equals))
        {
            var value = Visit(node.Arguments[0]);
            if (value.Type == typeof(char))
            {
                value = Expression.Call(value, typeof(char).GetMethod(nameof(char.ToString), Type.EmptyTypes)!);
            }

            if (value.Type == typeof(string))
            {
                var method = typeof(string).GetMethod(node.Method.Name, [typeof(string), typeof(StringComparison)])!;
                return Expression.Call(Visit(node.Object), method, value, Comparison);
            }
        }

        var (source, item) = node.Method.Name != "Contains" ? (null, null)
            : node.Object is null && node.Arguments.Count == 2 ? (node.Arguments[0], node.Arguments[1])
            : node.Object is not null && node.Arguments.Count == 1 ? (node.Object, node.Arguments[0])
            : (null, null);
        if (source is not null && item!.Type == typeof(string) && source.Type != typeof(string) && typeof(IEnumerable<string>).IsAssignableFrom(source.Type))
        {
            return Expression.Call(
                typeof(Enumerable),
                nameof(Enumerable.Contains),
                [typeof(string)],
                Visit(source),
                Visit(item),
                Expression.Constant(StringComparer.OrdinalIgnoreCase, typeof(IEqualityComparer<string>)));
        }

        return base.VisitMethodCall(node);
    }
}
