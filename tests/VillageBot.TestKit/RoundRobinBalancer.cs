using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VillageBot.TestKit;

/// <summary>
/// A load balancer in front of several bot instances, as a reverse proxy would be: each request goes to the next
/// instance in turn; an instance that refuses the connection or drops it is skipped and the next one tried; when none
/// answers, 502. The path, body and the webhook secret header pass through unchanged.
/// </summary>
public sealed class RoundRobinBalancer : IAsyncDisposable
{
    private WebApplication _app = null!;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(30) };
    private readonly string[] _backends;
    private int _next = -1;
    private readonly int[] _served;

    private RoundRobinBalancer(string[] backends)
    {
        _backends = backends;
        _served = new int[backends.Length];
    }

    public string BaseUrl { get; private set; } = "";

    /// <summary>How many requests each instance has answered (in the order the instances were given).</summary>
    public IReadOnlyList<int> Served => [.. _served.Select(n => Volatile.Read(ref n))];

    public static async Task<RoundRobinBalancer> StartAsync(params string[] backends)
    {
        var balancer = new RoundRobinBalancer(backends);
        (balancer._app, balancer.BaseUrl) = await LoopbackServer.StartAsync(app => app.MapPost("/{**path}", balancer.ForwardAsync));
        return balancer;
    }

    private async Task<IResult> ForwardAsync(HttpContext http, string path)
    {
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var first = Interlocked.Increment(ref _next);
        for (var i = 0; i < _backends.Length; i++)
        {
            var index = (int)((uint)(first + i) % (uint)_backends.Length);
            using var request = new HttpRequestMessage(HttpMethod.Post, $"{_backends[index]}/{path}") { Content = new ByteArrayContent(body.ToArray()) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            foreach (var header in http.Request.Headers.Where(h => h.Key.StartsWith("X-", StringComparison.OrdinalIgnoreCase)))
            {
                request.Headers.TryAddWithoutValidation(header.Key, header.Value.ToArray());
            }

            try
            {
                using var response = await _http.SendAsync(request);
                Interlocked.Increment(ref _served[index]);
                return Results.StatusCode((int)response.StatusCode);
            }
            catch (HttpRequestException)
            {
                // Refused or dropped: the instance is down; the next one gets the request.
            }
        }

        return Results.StatusCode(502);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _http.Dispose();
    }
}
