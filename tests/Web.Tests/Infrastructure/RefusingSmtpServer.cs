using System.Buffers;
using System.Net;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// A real SMTP server on a loopback port that refuses every message, naming its recipients in the refusal as many
/// real servers do ("550 5.1.1 &lt;someone@example.org&gt;: Recipient address rejected"): the sender's error then
/// carries a person's address, which must go no further than the outbox row.
/// </summary>
public sealed class RefusingSmtpServer : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;
    private int _refused;

    public RefusingSmtpServer(int port)
    {
        Port = port;
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(endpoint => endpoint.Endpoint(new IPEndPoint(IPAddress.Loopback, port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new RefusingStore(this));
        _running = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
    }

    public int Port { get; }

    public int Refused => Volatile.Read(ref _refused);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopped, as asked.
        }

        _stop.Dispose();
    }

    private sealed class RefusingStore(RefusingSmtpServer server) : MessageStore
    {
        public override Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref server._refused);
            var recipients = string.Join(", ", transaction.To.Select(to => $"<{to.User}@{to.Host}>"));
            return Task.FromResult(new SmtpResponse(SmtpReplyCode.MailboxUnavailable, $"5.1.1 {recipients}: Recipient address rejected"));
        }
    }
}
