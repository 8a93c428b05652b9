using System.Net;
using System.Text.RegularExpressions;
using VillageBot.Conversation;
using VillageBot.Features.Reports;
using VillageBot.Infrastructure.Storage;
using VillageBot.TestKit;

namespace VillageBot.Tests.AdminWeb;

/// <summary>Reports put straight into storage, people given roles, and signing in to the admin web over HTTP.</summary>
public static partial class WebTestKit
{
    public static Village Village(this IDocumentStore db, string code) => db.Villages.FindOne(v => v.Code == code)!;

    public static Report AddReport(this IDocumentStore db, string village, string category, string text, double confidence = 0.9, string status = ReportStatus.New,
        long? reporter = null, bool anonymous = false, DateTime? at = null, Action<Report>? fill = null)
    {
        var when = at ?? DateTime.UtcNow;
        var report = new Report
        {
            VillageId = db.Village(village).Id,
            ReporterId = reporter,
            Anonymous = anonymous,
            Text = text,
            Category = category,
            PredictedCategory = category,
            Confidence = confidence,
            NeedsReview = confidence < 0.5,
            Status = status,
            CreatedAt = when,
            UpdatedAt = when,
            StatusChangedAt = when,
        };
        fill?.Invoke(report);
        var reports = db.Collection<Report>("reports");
        reports.Insert(report);
        report.Reference = "R-" + (1000 + report.Id);
        reports.Update(report);
        return report;
    }

    public static void MakeCoordinator(this IDocumentStore db, long userId, params string[] villages)
    {
        var r = db.Residents.FindById(userId)!;
        r.CoordinatorOf = [.. villages.Select(v => db.Village(v).Id)];
        db.Residents.Update(r);
    }

    /// <summary>Sends /web in the chat and returns the link the bot answers with.</summary>
    public static async Task<string> WebLinkAsync(this FakeUser user)
    {
        user.Send("/web");
        var reply = await user.ExpectAsync(e => e.Text?.Contains("/web/login?t=", StringComparison.Ordinal) == true);
        return LinkPattern().Match(reply.Text!).Value;
    }

    public static HttpClient HtmlClient(this BotHost host)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    /// <summary>Opens the link, presses "sign in" and returns a client holding the session cookie.</summary>
    public static async Task<HttpClient> SignInAsync(this BotHost host, FakeUser user)
    {
        var link = await user.WebLinkAsync();
        var client = host.HtmlClient();
        var response = await client.SubmitAsync(PathOf(link), new());
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal("/web/reports", response.Headers.Location?.OriginalString);
        return client;
    }

    public static Task<HttpClient> SignInAsCoordinatorAsync(this BotHost host, FakeUser user, string village)
    {
        host.Db.MakeCoordinator(user.Id, village);
        return host.SignInAsync(user);
    }

    public static string PathOf(string url) => new Uri(url).PathAndQuery;

    /// <summary>Loads a page and submits its first form (or the form posting to <paramref name="action"/>) with the given fields.</summary>
    public static async Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string pagePath, Dictionary<string, string> fields, string? action = null)
    {
        var page = await client.GetStringAsync(pagePath);
        var forms = FormPattern().Matches(page).ToList();
        var form = action is null ? forms.First(m => m.Groups["a"].Value != "/web/logout") : forms.First(m => m.Groups["a"].Value == action);
        var values = HiddenPattern().Matches(form.Value).ToDictionary(m => m.Groups["n"].Value, m => WebUtility.HtmlDecode(m.Groups["v"].Value));
        foreach (var (k, v) in fields)
        {
            values[k] = v;
        }

        return await client.PostAsync(form.Groups["a"].Value, new FormUrlEncodedContent(values));
    }

    public static string AntiforgeryToken(string page) => WebUtility.HtmlDecode(HiddenPattern().Matches(page).First(m => m.Groups["n"].Value == "_af").Groups["v"].Value);

    [GeneratedRegex(@"https?://[^\s]+/web/login\?t=[A-Za-z0-9_-]+&lang=[a-z]{2}")]
    private static partial Regex LinkPattern();

    [GeneratedRegex("<form method=\"post\" action=\"(?<a>[^\"]+)\"[^>]*>.*?</form>", RegexOptions.Singleline)]
    private static partial Regex FormPattern();

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<n>[^\"]+)\" value=\"(?<v>[^\"]*)\"\\s*/?>")]
    private static partial Regex HiddenPattern();
}

public static class StoredData
{
    /// <summary>Whether the text (UTF-8, as LiteDB stores strings) appears anywhere in the files of the data directory.</summary>
    public static bool StoredDataContains(this TestKit.BotHost host, string text) =>
        host.StoredDataContains(System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Whether a person's id is stored anywhere: as LiteDB keeps it (eight bytes) in the data files, or as digits in
    /// the PostgreSQL database.
    /// </summary>
    public static bool StoredDataContainsId(this TestKit.BotHost host, long id) =>
        host.StoredDataContains(BitConverter.GetBytes(id))
        || host.DatabaseText() is { } text && Regex.IsMatch(text, $"(?<![0-9]){id}(?![0-9])");

    public static bool StoredDataContains(this TestKit.BotHost host, byte[] needle)
    {
        if (host.DatabaseText() is { } database && System.Text.Encoding.UTF8.GetBytes(database).AsSpan().IndexOf(needle) >= 0)
        {
            return true;
        }

        // A "*.tmp" file is a model being written before it replaces the saved one: trained models hold no one's data.
        foreach (var path in Directory.GetFiles(host.DataDirectory).Where(p => !p.EndsWith(".tmp", StringComparison.Ordinal)))
        {
            if (Read(path) is { } bytes && bytes.AsSpan().IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The file's bytes; null when it is LiteDB's own log or temporary file, or SQLite's shared-memory or write-ahead
    /// file of the job store, and its database deleted it between listing and reading (both do so by design after a
    /// checkpoint). Any other file that vanishes is a failure.
    /// </summary>
    private static byte[]? Read(string path)
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
        catch (FileNotFoundException) when (Path.GetFileName(path).StartsWith(Path.GetFileNameWithoutExtension(LiteDbStore.FileName) + "-", StringComparison.Ordinal)
            || Path.GetFileName(path) is "jobs.db-shm" or "jobs.db-wal" or "jobs.db-journal")
        {
            return null;
        }
    }
}
