using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using VillageBot.Infrastructure.Messaging;

namespace VillageBot.Features.Open311;

/// <summary>An ordered set of named values: one Open311 record, written as a JSON object or an XML element.</summary>
public sealed class Open311Record : List<(string Name, object? Value)>
{
    public Open311Record Set(string name, object? value)
    {
        Add((name, value));
        return this;
    }
}

/// <summary>
/// Writes GeoReport v2 responses as the standard shows them: JSON arrays of objects (discovery is one object),
/// XML with a plural root and singular items (&lt;service_requests&gt;&lt;request&gt;…), empty elements for no value.
/// </summary>
public static class Open311Format
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = false, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static bool IsKnown(string format) => format is "json" or "xml";

    public static IResult List(string format, string root, string item, IEnumerable<Open311Record> records, int status = StatusCodes.Status200OK)
    {
        if (format == "xml")
        {
            var doc = new XElement(root, records.Select(r => ToXml(item, r)));
            return Xml(doc, status);
        }

        var array = new JsonArray([.. records.Select(ToJson)]);
        return Results.Text(array.ToJsonString(Json), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    public static IResult Single(string format, string root, Open311Record record)
    {
        if (format == "xml")
        {
            return Xml(ToXml(root, record), StatusCodes.Status200OK);
        }

        return Results.Text(ToJson(record).ToJsonString(Json), "application/json; charset=utf-8", Encoding.UTF8);
    }

    public static IResult Error(string format, int code, string description) =>
        List(format is "xml" ? "xml" : "json", "errors", "error", [new Open311Record().Set("code", code).Set("description", description)], code);

    private static IResult Xml(XElement root, int status)
    {
        var text = new XDeclaration("1.0", "utf-8", null).ToString() + "\n" + root.ToString(SaveOptions.DisableFormatting);
        return Results.Text(text, "text/xml; charset=utf-8", Encoding.UTF8, status);
    }

    private static JsonObject ToJson(Open311Record record)
    {
        var o = new JsonObject();
        foreach (var (name, value) in record)
        {
            o[name] = value switch
            {
                null => null,
                string s => JsonValue.Create(s),
                bool b => JsonValue.Create(b),
                int i => JsonValue.Create(i),
                double d => JsonValue.Create(d),
                IEnumerable<string> list => new JsonArray([.. list.Select(x => (JsonNode?)JsonValue.Create(x))]),
                IEnumerable<Open311Record> nested => new JsonArray([.. nested.Select(n => (JsonNode?)ToJson(n))]),
                _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
            };
        }

        return o;
    }

    private static XElement ToXml(string name, Open311Record record) =>
        new(name, record.Select(f => f.Value switch
        {
            IEnumerable<string> list => new XElement(f.Name, list.Select(x => new XElement(Singular(f.Name), XmlSafeText.Clean(x)))),
            IEnumerable<Open311Record> nested => new XElement(f.Name, nested.Select(n => ToXml(Singular(f.Name), n))),
            bool b => new XElement(f.Name, b ? "true" : "false"),
            double d => new XElement(f.Name, d.ToString("R", CultureInfo.InvariantCulture)),
            null => new XElement(f.Name, ""),
            // Text stored before it was cleaned may still hold characters XML cannot carry; one of them would fail the whole answer.
            var v => new XElement(f.Name, XmlSafeText.Clean(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "")),
        }));

    private static string Singular(string plural) => plural.EndsWith('s') ? plural[..^1] : plural;
}
