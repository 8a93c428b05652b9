using System.Security.Cryptography;
using System.Text;

namespace VillageBot.Features.Open311;

/// <summary>Who may read and create: keys travel in a header or a form field, never in the URL.</summary>
public static partial class Open311Api
{
    private static IResult? Refuse(HttpContext http, string format, Open311Options o)
    {
        if (!Open311Format.IsKnown(format))
        {
            return Open311Format.Error("json", StatusCodes.Status404NotFound, "Formats: json, xml.");
        }

        if (KeyInQuery(http, format) is { } inQuery)
        {
            return inQuery;
        }

        return o.PublicRead || KeyMatches(o, HeaderKey(http))
            ? null
            : Open311Format.Error(format, StatusCodes.Status403Forbidden, $"A key is required to read requests here: send it in the {KeyHeader} header.");
    }
    /// <summary>A key in the URL would be written to access logs on the way; it is refused even when it is valid.</summary>
    private static IResult? KeyInQuery(HttpContext http, string format) =>
        http.Request.Query.ContainsKey("api_key")
            ? Open311Format.Error(format, StatusCodes.Status400BadRequest, $"api_key is not accepted in the query string: send it in the {KeyHeader} header (or, when creating a request, as the api_key form field).")
            : null;
    private static string HeaderKey(HttpContext http) => http.Request.Headers[KeyHeader].ToString().Trim();
    private static bool KeyMatches(Open311Options o, string given)
    {
        if (given.Length == 0)
        {
            return false;
        }

        var g = SHA256.HashData(Encoding.UTF8.GetBytes(given));
        return o.ApiKeys.Where(k => !string.IsNullOrWhiteSpace(k)).Any(k => CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(k)), g));
    }
}
