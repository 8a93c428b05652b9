using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace VillageBot.Tests.Responsibilities;

/// <summary>
/// A real SMTP server on 127.0.0.1 (SmtpServer): keeps what it accepts, or refuses every message while told to. Each
/// server has a sender of its own (<see cref="Settings"/>), and a message from another (a stopped test's host still
/// finishing a send to a port this server now has) is accepted but not kept.
/// </summary>
public sealed class LoopbackSmtp : IAsyncDisposable
{
    private readonly SmtpServer.SmtpServer _server;
    private readonly CancellationTokenSource _stop = new();
    private readonly Store _store = new($"bot-{Guid.NewGuid():N}@villagebot.test");
    private readonly Task _running;

    public LoopbackSmtp()
    {
        Port = FreePort();
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        _server = new SmtpServer.SmtpServer(options, services);
        _running = _server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>While true, every message is answered "554 transaction failed".</summary>
    public bool Refuse
    {
        get => _store.Refuse;
        set => _store.Refuse = value;
    }

    /// <summary>Messages refused so far.</summary>
    public int Refused => _store.RefusedCount;

    public IReadOnlyList<MimeMessage> Received => [.. _store.Messages];

    public IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Mail:Host"] = "127.0.0.1",
        ["Mail:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:From"] = $"VillageBot <{_store.Sender}>",
        ["Mail:Tls"] = "None",
        ["Mail:MaxAttempts"] = "3",
        ["Mail:RetrySeconds"] = "0.2",
    };

    /// <summary>Waits until the server has accepted <paramref name="count"/> messages or refused that many.</summary>
    public async Task WaitAsync(Func<LoopbackSmtp, bool> condition, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(30));
        while (!condition(this))
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"The SMTP server saw {Received.Count} messages and refused {Refused}.");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _server.Shutdown();
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store(string sender) : MessageStore
    {
        private int _refused;

        public string Sender => sender;

        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public volatile bool Refuse;

        public int RefusedCount => Volatile.Read(ref _refused);

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            var message = await MimeMessage.LoadAsync(stream, cancellationToken);
            if (!message.From.Mailboxes.Any(m => string.Equals(m.Address, sender, StringComparison.OrdinalIgnoreCase)))
            {
                return SmtpResponse.Ok;
            }

            if (Refuse)
            {
                Interlocked.Increment(ref _refused);
                return SmtpResponse.TransactionFailed;
            }

            Messages.Enqueue(message);
            return SmtpResponse.Ok;
        }
    }
}
