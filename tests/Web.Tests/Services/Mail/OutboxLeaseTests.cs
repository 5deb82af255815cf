using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Options;
using PiriSite.Web.Services;
using PiriSite.Web.Services.Mail;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Mail;

/// <summary>Several instances share one outbox: each message is claimed by one sender, and a crashed sender's claim is taken over.</summary>
public class OutboxLeaseTests
{
    private static readonly TimeSpan s_lease = TimeSpan.FromSeconds(new MailOptions().LeaseSeconds);

    [Fact]
    public async Task TwoSendersOnOneDatabaseDeliverEveryMessageExactlyOnce()
    {
        await using var smtp = new TestSmtpServer(TestSmtpServer.FreePort());
        using var factory = new SiteFactory(new Dictionary<string, string?>
        {
            ["Mail:Smtp:Host"] = "127.0.0.1",
            ["Mail:Smtp:Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail:Smtp:Security"] = "None",
        }) { RunsBackgroundServices = false };
        const int count = 200;
        await QueueAsync(factory, count);

        // Two instances' senders: each with its own id, as two processes would have.
        var senders = new[] { NewSender(factory), NewSender(factory) };
        var claimed = await Task.WhenAll(senders.Select(sender => Task.Run(async () =>
        {
            var total = 0;
            while (await sender.SendDueAsync(CancellationToken.None) is > 0 and var batch)
            {
                total += batch;
            }

            return total;
        })));

        var received = await smtp.WaitForMessagesAsync(count, TimeSpan.FromSeconds(60));
        await Task.Delay(500); // a duplicate would arrive about now
        received = [.. smtp.Messages];
        Assert.Equal(count, received.Select(m => m.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(count, received.Count);
        Assert.Equal(count, claimed.Sum());
        Assert.All(claimed, share => Assert.True(share > 0, "Both senders should have taken part: " + string.Join(", ", claimed)));
        await using var scope = factory.CreateDbScope();
        var rows = await scope.Db.OutboxMessages.AsNoTracking().ToListAsync();
        Assert.All(rows, m =>
        {
            Assert.Equal(OutboxStatus.Sent, m.Status);
            Assert.Equal(1, m.Attempts);
            Assert.Null(m.ClaimedBy);
            Assert.Null(m.ClaimedUntil);
        });
    }

    [Fact]
    public async Task AMessageAnotherLiveSenderHoldsIsLeftToIt()
    {
        using var factory = new OutboxSiteFactory { RunsBackgroundServices = false };
        factory.Transport.Failing = false;
        var id = (await QueueAsync(factory, 1)).Single();
        await ClaimAsync(factory, id, "other-instance", factory.Clock.GetUtcNow().UtcDateTime + TimeSpan.FromMinutes(1));

        Assert.Equal(0, await NewSender(factory).SendDueAsync(CancellationToken.None));

        Assert.Empty(factory.Transport.Delivered);
        await using var scope = factory.CreateDbScope();
        var message = await scope.Db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal("other-instance", message.ClaimedBy);
    }

    [Fact]
    public async Task ACrashedSendersClaimIsTakenOverOnceItRunsOut()
    {
        using var factory = new OutboxSiteFactory { RunsBackgroundServices = false };
        factory.Transport.Failing = false;
        var id = (await QueueAsync(factory, 1)).Single();
        // Claimed by an instance that then died: nothing will ever release it.
        await ClaimAsync(factory, id, "crashed-instance", factory.Clock.GetUtcNow().UtcDateTime + s_lease);

        factory.Clock.Advance(s_lease + TimeSpan.FromSeconds(1));
        Assert.Equal(1, await NewSender(factory).SendDueAsync(CancellationToken.None));

        Assert.Single(factory.Transport.Delivered);
        await using var scope = factory.CreateDbScope();
        var message = await scope.Db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Null(message.ClaimedBy);
    }

    [Fact]
    public async Task ASenderWhoseClaimWasTakenOverCannotRecordItsOutcome()
    {
        using var factory = new OutboxSiteFactory { RunsBackgroundServices = false };
        factory.Transport.Failing = false;
        await QueueAsync(factory, 1);
        var slow = NewSender(factory);
        var other = NewSender(factory);
        var first = true;
        factory.Transport.WhileSending = async _ =>
        {
            if (!first)
            {
                return;
            }

            // The slow sender stalls past its lease; the other takes the message over and delivers it; then the slow
            // sender's own attempt fails. Its failure must not overwrite the delivery.
            first = false;
            factory.Clock.Advance(s_lease + TimeSpan.FromSeconds(1));
            Assert.Equal(1, await other.SendDueAsync(CancellationToken.None));
            throw new IOException("421 4.4.2 connection timed out");
        };

        Assert.Equal(1, await slow.SendDueAsync(CancellationToken.None));

        Assert.Single(factory.Transport.Delivered);
        await using var scope = factory.CreateDbScope();
        var message = await scope.Db.OutboxMessages.AsNoTracking().SingleAsync();
        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(1, message.Attempts);
        Assert.Null(message.LastError);
        Assert.Null(message.ClaimedBy);
    }

    [Fact]
    public async Task ASenderStopsItsBatchWhenItsClaimIsTooShortForAnotherSendAndReleasesTheRest()
    {
        using var factory = new OutboxSiteFactory { RunsBackgroundServices = false };
        factory.Transport.Failing = false;
        await QueueAsync(factory, 3);
        var needed = new MailOptions().NeededToStartASend;
        var first = true;
        factory.Transport.WhileSending = _ =>
        {
            if (first)
            {
                // The first send was slow: what is left of the claim would not cover another one.
                first = false;
                factory.Clock.Advance(s_lease - needed + TimeSpan.FromSeconds(1));
            }

            return Task.CompletedTask;
        };

        Assert.Equal(3, await NewSender(factory).SendDueAsync(CancellationToken.None));

        Assert.Single(factory.Transport.Delivered);
        await using var scope = factory.CreateDbScope();
        var messages = await scope.Db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
        Assert.Equal(OutboxStatus.Sent, messages[0].Status);
        Assert.All(messages.Skip(1), m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.Equal(0, m.Attempts);
            Assert.Null(m.ClaimedBy); // free for the next claim, this sender's or another's
        });

        // The next round claims them afresh and sends them.
        Assert.Equal(2, await NewSender(factory).SendDueAsync(CancellationToken.None));
        Assert.Equal(3, factory.Transport.Delivered.Count);
    }

    [Fact]
    public void ALeaseTooShortForOneSendStopsTheSiteAtStart()
    {
        using var factory = new SiteFactory(new Dictionary<string, string?> { ["Mail:LeaseSeconds"] = "30", ["Mail:SendTimeoutSeconds"] = "60" });

        var error = Assert.Throws<OptionsValidationException>(() => factory.CreateClient());

        Assert.Contains("Mail:LeaseSeconds", error.Message, StringComparison.Ordinal);
    }

    private static OutboxSender NewSender(SiteFactory factory) =>
        ActivatorUtilities.CreateInstance<OutboxSender>(factory.Services,
            new SiteInstance(Microsoft.Extensions.Options.Options.Create(new SiteOptions())));

    private static async Task<List<int>> QueueAsync(SiteFactory factory, int count)
    {
        await using var scope = factory.CreateDbScope();
        var now = factory.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var messages = Enumerable.Range(1, count).Select(i => new OutboxMessage
        {
            To = $"person{i}@example.test",
            Subject = $"Message {i}",
            TextBody = $"Body {i}",
            Kind = OutboxKind.Other,
            CreatedAt = now,
            NextAttemptAt = now,
        }).ToList();
        scope.Db.OutboxMessages.AddRange(messages);
        await scope.Db.SaveChangesAsync();
        return [.. messages.Select(m => m.Id)];
    }

    private static async Task ClaimAsync(SiteFactory factory, int id, string claimedBy, DateTime until)
    {
        await using var scope = factory.CreateDbScope();
        await scope.Db.OutboxMessages.Where(m => m.Id == id).ExecuteUpdateAsync(set => set
            .SetProperty(m => m.ClaimedBy, claimedBy)
            .SetProperty(m => m.ClaimedUntil, until));
    }
}
