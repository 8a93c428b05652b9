using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace VillageBot.Tests;

/// <summary>An OpenAI-compatible service played on loopback: one POST route under /v1 that can fail or stall on demand.</summary>
public abstract class LoopbackStub : IAsyncDisposable
{
    private WebApplication _app = null!;

    /// <summary>The base address to configure as the service's endpoint, ending in /v1.</summary>
    public string Endpoint { get; private set; } = "";

    public int StatusCode { get; set; } = 200;

    /// <summary>How long to wait before answering, to play a slow service.</summary>
    public TimeSpan Stall { get; set; } = TimeSpan.Zero;

    protected static async Task<T> StartAsync<T>(T stub, string route, Func<HttpContext, Task<IResult>> handle)
        where T : LoopbackStub
    {
        var (app, address) = await TestKit.LoopbackServer.StartAsync(app => app.MapPost(route, (Delegate)handle));
        stub._app = app;
        stub.Endpoint = address + "/v1";
        return stub;
    }

    private TaskCompletionSource? _held;

    /// <summary>Makes every request wait, however long, until the returned action is called: a service that is slow for as long as a test needs.</summary>
    public Action Hold()
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _held = gate;
        return () =>
        {
            _held = null;
            gate.TrySetResult();
        };
    }

    /// <summary>Waits while held (<see cref="Hold"/>) and then out <see cref="Stall"/>; false when the client gave up meanwhile.</summary>
    protected async Task<bool> StallAsync(HttpContext http)
    {
        if (_held is { } gate)
        {
            try
            {
                await gate.Task.WaitAsync(http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        if (Stall > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Stall, http.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The error body OpenAI's API answers with.</summary>
    protected IResult Failure() => Results.Json(new { error = new { message = "stub failure", type = "server_error" } }, statusCode: StatusCode);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
