using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VillageBot.Features.AdminWeb;
using VillageBot.TestKit;

namespace VillageBot.Tests.Security;

/// <summary>The web side with a Telegram token: host names, proxies, rate limits and the key files.</summary>
public sealed class WebSecurityTests : BotTest
{
    private const string Proxy = "192.0.2.10";

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // http, so that only the proxy's X-Forwarded-Proto can tell the bot a request came over https.
        ["Web:PublicUrl"] = "http://village.example.lv",
        ["Web:TrustedProxies:0"] = Proxy,
        ["Telegram:WebhookUrl"] = "https://bot.example.lv/telegram/webhook",
        ["Telegram:WebhookSecret"] = "s3cret_Token-for-tests",
        ["RateLimits:Open311PerMinute"] = "2",
        ["RateLimits:LoginPerMinute"] = "2",
        ["RateLimits:WebhookPerMinute"] = "2",
        ["RateLimits:PublicPagePerMinute"] = "2",
    };

    protected override Action<IServiceCollection> TestServices => PeerAddress.Install;

    [Theory]
    [InlineData("village.example.lv", HttpStatusCode.OK)]
    [InlineData("bot.example.lv", HttpStatusCode.OK)]
    [InlineData("localhost", HttpStatusCode.OK)]
    [InlineData("127.0.0.1:5000", HttpStatusCode.OK)]
    [InlineData("rebind.attacker.example", HttpStatusCode.BadRequest)]
    public async Task Only_the_bots_own_host_names_are_answered(string hostName, HttpStatusCode expected)
    {
        using var client = Host.CreateClient();
        var request = new HttpRequestMessage(HttpMethod.Get, "/healthz");
        request.Headers.Host = hostName;
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_the_anti_forgery_cookie_is_secure_and_an_untrusted_one_is_not_believed()
    {
        using var client = Host.CreateClient();
        var links = Host.Services.GetRequiredService<LoginLinks>();

        using var proxied = await client.SendAsync(PeerAddress.Request(HttpMethod.Get, $"/web/login?t={links.Issue(BotHost.AdminId)}", Proxy,
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.5"), ("Accept", "text/html")));
        Assert.Contains(proxied.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vb_af=", StringComparison.Ordinal) && c.Contains("secure", StringComparison.OrdinalIgnoreCase));

        using var forged = await client.SendAsync(PeerAddress.Request(HttpMethod.Get, $"/web/login?t={links.Issue(BotHost.AdminId)}", "198.51.100.1",
            ("X-Forwarded-Proto", "https"), ("X-Forwarded-For", "203.0.113.6"), ("Accept", "text/html")));
        Assert.Contains(forged.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vb_af=", StringComparison.Ordinal) && !c.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Open311_is_limited_per_client_address_as_the_trusted_proxy_reports_it()
    {
        using var client = Host.CreateClient();
        Task<HttpResponseMessage> Get(string peer, string forwardedFor) =>
            client.SendAsync(PeerAddress.Request(HttpMethod.Get, "/open311/v2/services.json", peer, ("X-Forwarded-For", forwardedFor)));

        Assert.Equal(HttpStatusCode.OK, (await Get(Proxy, "203.0.113.5")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get(Proxy, "203.0.113.5")).StatusCode);
        using var refused = await Get(Proxy, "203.0.113.5");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.OK, (await Get(Proxy, "203.0.113.77")).StatusCode);

        // A client that is not a trusted proxy cannot pick a fresh address for each request.
        Assert.Equal(HttpStatusCode.OK, (await Get("198.51.100.1", "10.0.0.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Get("198.51.100.1", "10.0.0.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await Get("198.51.100.1", "10.0.0.3")).StatusCode);
    }

    [Theory]
    [InlineData("GET", "/web/login?t=guess")]
    [InlineData("POST", "/telegram/webhook")]
    [InlineData("GET", "/v/kalsnava")]
    public async Task Sign_in_and_webhook_answer_429_with_retry_after_past_their_limit(string method, string path)
    {
        using var client = Host.CreateClient();
        for (var i = 0; i < 2; i++)
        {
            using var allowed = await client.SendAsync(PeerAddress.Request(new HttpMethod(method), path, "203.0.113.9"));
            Assert.NotEqual(HttpStatusCode.TooManyRequests, allowed.StatusCode);
        }

        using var refused = await client.SendAsync(PeerAddress.Request(new HttpMethod(method), path, "203.0.113.9"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public void Key_files_are_readable_by_the_bots_own_user_only()
    {
        Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("x");
        var keys = Path.Combine(Host.DataDirectory, "keys");
        if (Host.OnPostgreSql)
        {
            // On PostgreSQL the keys are rows of the database, which only its own roles read; no key file is written.
            Assert.NotEmpty(Host.Db.Collection<VillageBot.Infrastructure.Security.DataProtectionKey>("dataprotection_keys").FindAll());
            Assert.False(Directory.Exists(keys));
            return;
        }

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(keys));
        var files = Directory.GetFiles(keys);
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(f)));
    }
}

/// <summary>DataProtection:CertificatePath encrypts the keys at rest.</summary>
public sealed class KeyCertificateTests : BotTest
{
    private readonly string _pfx = Path.Combine(Path.GetTempPath(), $"villagebot-keys-{Guid.NewGuid():N}.pfx");

    public KeyCertificateTests()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=VillageBot keys", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        File.WriteAllBytes(_pfx, cert.Export(X509ContentType.Pfx, "pfx-password"));
    }

    protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = _pfx,
        ["DataProtection:CertificatePassword"] = "pfx-password",
    };

    [Fact]
    public async Task Keys_are_stored_encrypted_with_the_certificate_and_still_read_back_after_a_restart()
    {
        var token = Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("still here");
        var key = Assert.Single(Host.Services.GetRequiredService<IOptions<KeyManagementOptions>>().Value.XmlRepository!.GetAllElements()).ToString();
        Assert.Contains("EncryptedData", key);
        Assert.DoesNotContain("<value>", key);

        Host = await Host.RestartAsync();
        Assert.Equal("still here", Host.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(token));
        File.Delete(_pfx);
    }
}
