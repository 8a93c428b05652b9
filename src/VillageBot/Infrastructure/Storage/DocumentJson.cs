using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace VillageBot.Infrastructure.Storage;

/// <summary>
/// How documents are written as JSON where the database stores JSON (PostgreSQL's jsonb), matching what LiteDB keeps:
/// public properties by their C# names, enums by name, dates in UTC to the millisecond, <see cref="NotStoredAttribute"/>
/// left out. Dates are written in one fixed-width form, so comparing two of them as text compares them in time.
/// </summary>
public static partial class DocumentJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        Converters = { new JsonStringEnumConverter(), new UtcDateConverter() },
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { LeaveOutNotStored } },
    };

    public static string Write<T>(T document) => WithoutNul(JsonSerializer.Serialize(document, Options));

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)!;

    /// <summary>A value as it would be stored in a document property of <paramref name="type"/>.</summary>
    public static string WriteValue(object? value, Type type) => WithoutNul(JsonSerializer.Serialize(value, type, Options));

    /// <summary>
    /// PostgreSQL's text and jsonb cannot hold the character U+0000 (a message may carry one); it is kept as U+FFFD, the
    /// replacement character. An escaped backslash before "u0000" (a resident who typed "\u0000") is left alone.
    /// </summary>
    private static string WithoutNul(string json) =>
        json.Contains("\\u0000", StringComparison.Ordinal) ? Nul().Replace(json, "$1\\uFFFD") : json;

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\\)((?:\\\\)*)\\u0000")]
    private static partial System.Text.RegularExpressions.Regex Nul();

    private static void LeaveOutNotStored(JsonTypeInfo info)
    {
        if (info.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in info.Properties)
        {
            if (property.AttributeProvider is System.Reflection.MemberInfo member && !DocumentMembers.IsStored(member))
            {
                property.ShouldSerialize = (_, _) => false;
                property.Set = null;
            }
        }
    }

    /// <summary>LiteDB keeps dates in UTC to the millisecond; an unmarked date is taken as UTC, as everywhere in the bot.</summary>
    private sealed class UtcDateConverter : JsonConverter<DateTime>
    {
        private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            DateTime.SpecifyKind(reader.GetDateTime().ToUniversalTime(), DateTimeKind.Utc);

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options)
        {
            var utc = value.Kind == DateTimeKind.Local ? value.ToUniversalTime() : DateTime.SpecifyKind(value, DateTimeKind.Utc);
            utc = new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);
            writer.WriteStringValue(utc.ToString(Format, CultureInfo.InvariantCulture));
        }
    }
}
