using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VillageBot.Infrastructure.Privacy;
using VillageBot.Infrastructure.Storage;

namespace VillageBot.Features.AdminWeb;

/// <summary>A one-time sign-in link. Only the SHA-256 of its secret is stored, so the database cannot sign anyone in.</summary>
[StoredIn("web_logins")]
public sealed class LoginLink
{
    public int Id { get; set; }

    public string TokenHash { get; set; } = "";

    public long UserId { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime ExpiresAt { get; set; }

    public DateTime? UsedAt { get; set; }
}

public enum LinkState
{
    Valid,
    Unknown,
    Expired,
    Used,
}

/// <summary>Issues and redeems sign-in links. Issuing a new link voids the person's older unused ones.</summary>
public sealed class LoginLinks : IPersonalData
{
    private static readonly Lock Gate = new();
    private readonly IDocumentStore _db;
    private readonly IOptions<WebOptions> _options;
    private readonly TimeProvider _time;

    public LoginLinks(IDocumentStore db, IOptions<WebOptions> options, TimeProvider time)
    {
        _db = db;
        _options = options;
        _time = time;
    }

    public string Section => "web_sign_in_links";

    public IReadOnlyList<string> Collections => ["web_logins"];

    private IDocumentCollection<LoginLink> Links => _db.Collection<LoginLink>("web_logins");

    private DateTime Now => _time.GetUtcNow().UtcDateTime;

    /// <summary>Creates a link for the person and returns its secret (to put in the URL; it is not stored).</summary>
    public string Issue(long userId)
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = Now;
        lock (Gate)
        {
            // Indexes (and so the collection) are made by the first link, so reading never writes.
            var links = _db.Collection<LoginLink>("web_logins", i => i.On(l => l.TokenHash, unique: true).On(l => l.UserId));
            links.DeleteMany(l => l.UserId == userId && l.UsedAt == null);
            links.DeleteMany(l => l.ExpiresAt < now.AddDays(-1));
            links.Insert(new LoginLink { TokenHash = Hash(token), UserId = userId, CreatedAt = now, ExpiresAt = now.AddMinutes(_options.Value.LinkMinutes) });
        }

        return token;
    }

    /// <summary>Looks at a link without using it up (the page that asks "sign in?").</summary>
    public (LinkState State, long UserId) Peek(string? token)
    {
        var link = Find(token);
        return (StateOf(link), link?.UserId ?? 0);
    }

    /// <summary>Uses the link up; only the first caller gets <see cref="LinkState.Valid"/>.</summary>
    public (LinkState State, long UserId) Redeem(string? token)
    {
        lock (Gate)
        {
            var link = Find(token);
            var state = StateOf(link);
            if (state == LinkState.Valid)
            {
                link!.UsedAt = Now;
                Links.Update(link);
            }

            return (state, link?.UserId ?? 0);
        }
    }

    public object? Export(long userId) => Links.Find(l => l.UserId == userId).OrderBy(l => l.CreatedAt)
        .Select(l => new { l.CreatedAt, l.ExpiresAt, l.UsedAt }).ToList();

    public void Erase(long userId)
    {
        lock (Gate)
        {
            Links.DeleteMany(l => l.UserId == userId);
        }
    }

    private LoginLink? Find(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return null;
        }

        var hash = Hash(token);
        return Links.FindOne(l => l.TokenHash == hash);
    }

    private LinkState StateOf(LoginLink? link) => link switch
    {
        null => LinkState.Unknown,
        { UsedAt: not null } => LinkState.Used,
        _ when link.ExpiresAt <= Now => LinkState.Expired,
        _ => LinkState.Valid,
    };

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
