using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace AppLayer.Host.Tests.Service.Mail;

/// <summary>A real SMTP server (SmtpServer package) on a fixed loopback port that can be stopped and started again; it keeps every mail it accepted.</summary>
/// <param name="certificate">When given, the server offers STARTTLS with it.</param>
/// <param name="login">When given, the server takes mail only after this user authenticated, and only over TLS.</param>
public sealed class LoopbackSmtpServer(X509Certificate2? certificate = null, (string User, string Password)? login = null) : IAsyncDisposable
{
    private readonly Store _store = new();
    private CancellationTokenSource? _stop;
    private Task? _running;

    public int Port { get; } = FreePort();

    public IReadOnlyCollection<MimeMessage> Received => [.. _store.Messages];

    /// <summary>For each mail accepted: whether its session was under TLS, and the user it authenticated as.</summary>
    public IReadOnlyCollection<(bool Secure, string? User)> Sessions => [.. _store.Sessions];

    public async Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(b =>
            {
                b.Endpoint(new IPEndPoint(IPAddress.Loopback, Port));
                if (certificate is not null)
                {
                    b.Certificate(certificate);
                }

                b.AuthenticationRequired(login is not null).AllowUnsecureAuthentication(false);
            })
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(_store);
        if (login is { } l)
        {
            services.Add(new SmtpServer.Authentication.DelegatingUserAuthenticator((user, password) => user == l.User && password == l.Password));
        }
        var server = new SmtpServer.SmtpServer(options, services);
        _stop = new CancellationTokenSource();
        _running = server.StartAsync(_stop.Token);
        await WaitUntilAsync(() => Accepts());
    }

    public async Task StopAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running!;
        }
        catch (OperationCanceledException)
        {
            // stopped
        }

        _stop.Dispose();
        _stop = null;
        await WaitUntilAsync(() => !Accepts());
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private bool Accepts()
    {
        try
        {
            using var client = new TcpClient();
            client.Connect(IPAddress.Loopback, Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        condition().ShouldBeTrue("the SMTP server did not change state in time");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class Store : MessageStore
    {
        public ConcurrentQueue<MimeMessage> Messages { get; } = new();

        public ConcurrentQueue<(bool, string?)> Sessions { get; } = new();

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            using var stream = new MemoryStream(buffer.ToArray());
            Messages.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            Sessions.Enqueue((context.Pipe.IsSecure, context.Authentication.IsAuthenticated ? context.Authentication.User : null));
            return SmtpResponse.Ok;
        }
    }
}
