using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>A mail transport the test can break and mend: while broken it refuses as a real server does, quoting the address.</summary>
public sealed class SwitchableMailTransport : IMailTransport
{
    private readonly List<MimeMessage> _delivered = [];

    private readonly List<string> _forgotten = [];

    public bool Failing { get; set; } = true;

    /// <summary>Runs during each delivery, before it succeeds: to make something happen while a message is being sent.</summary>
    public Func<MimeMessage, Task>? WhileSending { get; set; }

    /// <summary>The Message-Ids the sender asked this transport to forget.</summary>
    public IReadOnlyList<string> Forgotten
    {
        get
        {
            lock (_forgotten)
            {
                return [.. _forgotten];
            }
        }
    }

    public void Forget(string messageId)
    {
        lock (_forgotten)
        {
            _forgotten.Add(messageId);
        }
    }

    public IReadOnlyList<MimeMessage> Delivered
    {
        get
        {
            lock (_delivered)
            {
                return [.. _delivered];
            }
        }
    }

    public async Task SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (Failing)
        {
            var recipient = ((MailboxAddress)message.To[0]).Address;
            throw new IOException($"550 5.1.1 <{recipient}>: mailbox unavailable");
        }

        if (WhileSending is { } during)
        {
            await during(message);
        }

        lock (_delivered)
        {
            _delivered.Add(message);
        }
    }
}

/// <summary>The real app with a <see cref="SwitchableMailTransport"/> and a <see cref="MovableClock"/>, in one host.</summary>
public sealed class OutboxSiteFactory(IDictionary<string, string?>? settings = null) : SiteFactory(settings)
{
    public SwitchableMailTransport Transport { get; } = new();

    public MovableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<IMailTransport>(Transport);
            services.AddSingleton<TimeProvider>(Clock);
        });
    }

    /// <summary>Waits until every outbox message meets <paramref name="condition"/> (and there is one), then returns them.</summary>
    public async Task<List<OutboxMessage>> WaitForOutboxAsync(Func<OutboxMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            await using var scope = CreateDbScope();
            var messages = await scope.Db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
            if (messages.Count > 0 && messages.All(condition))
            {
                return messages;
            }

            Assert.True(DateTime.UtcNow < deadline, "The outbox did not reach the expected state: "
                + string.Join("; ", messages.Select(m => $"{m.Id} {m.Kind} {m.Status} after {m.Attempts}")));
            await Task.Delay(100);
        }
    }
}
