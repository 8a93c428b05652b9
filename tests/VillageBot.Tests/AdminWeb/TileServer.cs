using System.Net;
using System.Net.Sockets;

namespace VillageBot.Tests.AdminWeb;

/// <summary>
/// A map tile server on loopback for the browser tests: every tile is the same small grey PNG, so the map draws
/// and nothing leaves the machine. Counts the tiles asked for.
/// </summary>
public sealed class TileServer : IDisposable
{
    // A 1×1 light grey PNG; the browser stretches it over the tile.
    private static readonly byte[] Tile = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGN48vwVAAVoArbm+WILAAAAAElFTkSuQmCC");

    private readonly HttpListener _listener = new();
    private int _requests;

    public TileServer()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Origin = $"http://127.0.0.1:{port}";
        _listener.Prefixes.Add(Origin + "/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public string Origin { get; }

    /// <summary>The tile address as Web:MapTiles takes it.</summary>
    public string Template => Origin + "/{z}/{x}/{y}.png";

    public int Requests => Volatile.Read(ref _requests);

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _requests);
            context.Response.ContentType = "image/png";
            context.Response.ContentLength64 = Tile.Length;
            await context.Response.OutputStream.WriteAsync(Tile);
            context.Response.Close();
        }
    }

    public void Dispose() => _listener.Close();
}
