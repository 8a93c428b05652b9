using System.Collections;
using System.Linq.Expressions;
using System.Reflection;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// A LINQ predicate over a document as a SQL condition on its jsonb column "data". What has no exact SQL form (a
/// method call, two properties compared) is left out of the condition and checked on the documents read instead:
/// an And keeps its translatable side as a pre-filter, anything else reads all and filters in memory. So every
/// predicate the features write works; the common ones (property against a value, lists, and/or/not) run in the database.
/// Text is compared ignoring case, as LiteDB's default collation does: a text property is read as
/// lower(data #>> path), the same expression its index is built on (<see cref="IndexSql"/>), and a property compared
/// with a value is left bare (no COALESCE or cast around it), so PostgreSQL can answer it from the index. A condition
/// may be NULL for a missing property; only NOT needs that to be false, so only NOT says so.
/// </summary>
internal sealed class JsonbFilter
{
    private readonly List<object> _values = [];

    /// <summary>The condition, or null when nothing of the predicate could be translated.</summary>
    public string? Sql { get; private set; }

    /// <summary>Whether <see cref="Sql"/> says all the predicate says; when false the documents must be checked in memory too.</summary>
    public bool Exact { get; private set; }

    /// <summary>The values for $1, $2, …, in order: jsonb as text, text, or a text array.</summary>
    public IReadOnlyList<object> Values => _values;

    public static JsonbFilter Of(LambdaExpression predicate, int firstParameter = 1)
    {
        var filter = new JsonbFilter();
        filter.Sql = filter.Translate(predicate.Body, predicate.Parameters[0], firstParameter, out var exact);
        filter.Exact = exact && filter.Sql is not null;
        return filter;
    }

    /// <summary>"data #> '{A,B}'" for x => x.A.B, or null when the expression is no such path.</summary>
    public static string? PathSql(Expression e, ParameterExpression document, out Type? type)
    {
        type = null;
        e = StripConvert(e);
        if (e is MemberExpression { Member.Name: "Value" } nullable && Nullable.GetUnderlyingType(nullable.Expression!.Type) is not null)
        {
            e = nullable.Expression;
        }

        var names = new Stack<string>();
        var at = e;
        while (at is MemberExpression { Member: PropertyInfo p } m)
        {
            // A property of a list, a string or a nullable (Count, Length, HasValue) is no stored field.
            if (!DocumentMembers.IsStored(p) || p.DeclaringType?.Namespace?.StartsWith("System", StringComparison.Ordinal) == true)
            {
                return null;
            }

            names.Push(p.Name);
            at = m.Expression;
        }

        if (at != document || names.Count == 0)
        {
            return null;
        }

        type = e.Type;
        return JsonPath(names);
    }

    /// <summary>
    /// The expression an index on the property path ("A.B") is built on, and the one a filter compares: the text,
    /// lowered, of a string property; the jsonb value of any other.
    /// </summary>
    public static string IndexSql(string path, Type type) =>
        type == typeof(string) ? TextPath(path.Split('.')) : JsonPath(path.Split('.'));

    private static string Names(IEnumerable<string> names) => "'{" + string.Join(',', names.Select(n => "\"" + n + "\"")) + "}'";

    private static string JsonPath(IEnumerable<string> names) => $"(data #> {Names(names)})";

    private static string TextPath(IEnumerable<string> names) => $"lower(data #>> {Names(names)})";

    /// <summary>lower(data #>> path) for the jsonb path expression <paramref name="json"/> "(data #> '{…}')".</summary>
    private static string Lowered(string json) => $"lower(data #>> {json["(data #> ".Length..^1]})";

    private string? Translate(Expression e, ParameterExpression document, int first, out bool exact)
    {
        exact = true;
        switch (e.NodeType)
        {
            case ExpressionType.AndAlso:
            {
                var b = (BinaryExpression)e;
                var left = Translate(b.Left, document, first, out var le);
                var right = Translate(b.Right, document, first, out var re);
                exact = le && re && left is not null && right is not null;
                return left is null ? right : right is null ? left : $"({left} AND {right})";
            }

            case ExpressionType.OrElse:
            {
                var b = (BinaryExpression)e;
                var left = Translate(b.Left, document, first, out var le);
                var right = Translate(b.Right, document, first, out var re);
                exact = le && re;
                return left is null || right is null || !exact ? Fail(out exact) : $"({left} OR {right})";
            }

            case ExpressionType.Not:
            {
                // A comparison with a missing property is NULL, which WHERE takes as false; its negation must be true.
                var inner = Translate(((UnaryExpression)e).Operand, document, first, out var ie);
                return inner is null || !ie ? Fail(out exact) : $"(NOT COALESCE({inner}, false))";
            }

            case ExpressionType.Equal or ExpressionType.NotEqual or ExpressionType.LessThan or ExpressionType.LessThanOrEqual
                or ExpressionType.GreaterThan or ExpressionType.GreaterThanOrEqual:
                return Compare((BinaryExpression)e, document, first) ?? Fail(out exact);

            case ExpressionType.MemberAccess when e.Type == typeof(bool) && PathSql(e, document, out _) is { } flag:
                return $"({flag} = 'true'::jsonb)";

            case ExpressionType.Call:
                return (Contains((MethodCallExpression)e, document, first) ?? Like((MethodCallExpression)e, document, first)) ?? Fail(out exact);

            case ExpressionType.Constant when e.Type == typeof(bool):
                return (bool)((ConstantExpression)e).Value! ? "true" : "false";

            default:
                return Fail(out exact);
        }
    }

    private static string? Fail(out bool exact)
    {
        exact = false;
        return null;
    }

    private string? Compare(BinaryExpression b, ParameterExpression document, int first)
    {
        var (member, other, flipped) = PathSql(b.Left, document, out var type) is { } l ? (l, b.Right, false)
            : PathSql(b.Right, document, out type) is { } r ? (r, b.Left, true)
            : (null, b.Left, false);
        if (member is null || type is null || !TryValue(other, document, out var value))
        {
            return null;
        }

        var op = b.NodeType switch
        {
            ExpressionType.Equal => "=",
            ExpressionType.NotEqual => "<>",
            ExpressionType.LessThan => flipped ? ">" : "<",
            ExpressionType.LessThanOrEqual => flipped ? ">=" : "<=",
            ExpressionType.GreaterThan => flipped ? "<" : ">",
            _ => flipped ? "<=" : ">=",
        };
        if (value is null)
        {
            return op switch
            {
                "=" => $"({member} IS NULL OR {member} = 'null'::jsonb)",
                "<>" => $"({member} IS NOT NULL AND {member} <> 'null'::jsonb)",
                _ => "false",
            };
        }

        if (type == typeof(string))
        {
            // C# has no < on strings; == and != ignore case, as in LiteDB.
            var text = TextParameter((string)value, first);
            return op switch
            {
                "=" => $"({Lowered(member)} = lower({text}))",
                "<>" => $"({Lowered(member)} IS DISTINCT FROM lower({text}))",
                _ => null,
            };
        }

        var parameter = Parameter(value, type, first);
        return op switch
        {
            "=" => $"({member} = {parameter})",
            "<>" => $"({member} IS DISTINCT FROM {parameter})",

            // jsonb orders values of different kinds too (any number below any string); only the same kind compares.
            _ => $"({member} {op} {parameter} AND jsonb_typeof({member}) = jsonb_typeof({parameter}))",
        };
    }

    /// <summary>x.Text.StartsWith(value), EndsWith and Contains: LIKE ignoring case, as LiteDB's LIKE does.</summary>
    private string? Like(MethodCallExpression call, ParameterExpression document, int first)
    {
        if (call.Method.DeclaringType != typeof(string) || call.Object is null || call.Arguments.Count != 1
            || call.Method.Name is not ("StartsWith" or "EndsWith" or "Contains")
            || PathSql(call.Object, document, out _) is not { } member
            || !TryValue(call.Arguments[0], document, out var value) || value is null)
        {
            return null;
        }

        // The value is matched as it is: its % and _ are no wildcards, unlike in LiteDB, where nothing the bot asks for holds them.
        var escaped = System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!
            .Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
        var pattern = call.Method.Name switch
        {
            "StartsWith" => escaped + "%",
            "EndsWith" => "%" + escaped,
            _ => "%" + escaped + "%",
        };
        return $"({Lowered(member)} LIKE lower({TextParameter(pattern, first)}))";
    }

    /// <summary>list.Contains(x.Property) with a list of values, and x.List.Contains(value).</summary>
    private string? Contains(MethodCallExpression call, ParameterExpression document, int first)
    {
        if (call.Method.Name != "Contains")
        {
            return null;
        }

        var (source, item) = call.Object is null && call.Arguments.Count == 2 ? (call.Arguments[0], call.Arguments[1])
            : call.Object is not null && call.Arguments.Count == 1 ? (call.Object, call.Arguments[0])
            : (null, null);
        if (source is null || item is null || source.Type == typeof(string))
        {
            return null;
        }

        if (PathSql(source, document, out var listType) is { } list && TryValue(item, document, out var one))
        {
            var elementType = ElementType(listType!) ?? item.Type;
            return elementType == typeof(string) && one is string text
                ? $"EXISTS (SELECT 1 FROM jsonb_array_elements_text({list}) AS e(v) WHERE lower(e.v) = lower({TextParameter(text, first)}))"
                : $"({list} @> jsonb_build_array({Parameter(one, elementType, first)}))";
        }

        if (PathSql(item, document, out var itemType) is { } property && TryValue(source, document, out var values) && values is IEnumerable many)
        {
            // property = ANY(array), which an index on the property answers; a null in the list also finds a missing property.
            var all = many.Cast<object?>().Select(v => Convert(v, itemType!)).ToList();
            var orNull = all.Contains(null) ? $" OR {property} IS NULL OR {property} = 'null'::jsonb" : "";
            var present = all.Where(v => v is not null).ToList();
            if (itemType == typeof(string))
            {
                _values.Add(present.Cast<string>().ToArray());
                return $"({Lowered(property)} = ANY(ARRAY(SELECT lower(v) FROM unnest(${first + _values.Count - 1}::text[]) AS v)){orNull})";
            }

            _values.Add(DocumentJson.WriteValue(present, typeof(List<object?>)));
            return $"({property} = ANY(ARRAY(SELECT jsonb_array_elements(${first + _values.Count - 1}::jsonb))){orNull})";
        }

        return null;
    }

    private string TextParameter(string value, int first)
    {
        _values.Add(value);
        return $"${first + _values.Count - 1}::text";
    }

    private string Parameter(object? value, Type type, int first)
    {
        _values.Add(DocumentJson.WriteValue(Convert(value, type), typeof(object)));
        return $"${first + _values.Count - 1}::jsonb";
    }

    /// <summary>A value compared with a property, as the property would hold it (C# turns an enum into its number in a comparison).</summary>
    private static object? Convert(object? value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value is null ? null
            : target.IsEnum && value.GetType() != target ? Enum.ToObject(target, value)
            : value;
    }

    private static Type? ElementType(Type listType) =>
        listType.IsArray ? listType.GetElementType()
        : listType.GetInterfaces().Append(listType).FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];

    /// <summary>The value of an expression that does not depend on the document (a constant, a captured variable).</summary>
    private static bool TryValue(Expression e, ParameterExpression document, out object? value)
    {
        value = null;
        if (new Finder(document).Uses(e))
        {
            return false;
        }

        e = StripConvert(e);
        value = e switch
        {
            ConstantExpression c => c.Value,
            MemberExpression { Member: FieldInfo f, Expression: ConstantExpression c } => f.GetValue(c.Value),
            _ => Expression.Lambda(Expression.Convert(e, typeof(object))).Compile(preferInterpretation: true).DynamicInvoke(),
        };
        return true;
    }

    private static Expression StripConvert(Expression e)
    {
        while (e is UnaryExpression { NodeType: ExpressionType.Convert or ExpressionType.ConvertChecked } u)
        {
            e = u.Operand;
        }

        return e;
    }

    private sealed class Finder(ParameterExpression document) : ExpressionVisitor
    {
        private bool _found;

        public bool Uses(Expression e)
        {
            Visit(e);
            return _found;
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= node == document;
            return node;
        }
    }
}
