using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Mail;

/// <summary>A request deleted while its emails are being sent leaves no copy behind, and the sender goes on.</summary>
public class OutboxDeletionRaceTests
{
    [Fact]
    public async Task ARequestDeletedWhileItsEmailsAreSentLeavesNoCopyAndTheSenderGoesOn()
    {
        using var factory = new OutboxSiteFactory();
        factory.Transport.Failing = false;
        using var client = factory.CreateClient();
        var deleted = 0;
        factory.Transport.WhileSending = async _ =>
        {
            // The Attorney's deletion (or retention) lands between the send and the sender's record of it.
            if (Interlocked.Exchange(ref deleted, 1) == 0)
            {
                await using var scope = factory.CreateDbScope();
                await scope.Db.ConsultationRequests.ExecuteDeleteAsync();
            }
        };

        var form = await ConsultationForm.LoadAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, ConsultationForm.ValidValues())).StatusCode);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (factory.Transport.Forgotten.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        // Both emails (intake notice and acknowledgement) went out as their rows vanished: each copy is forgotten.
        Assert.Equal(
            factory.Transport.Delivered.Select(m => m.MessageId).Order(StringComparer.Ordinal),
            factory.Transport.Forgotten.Order(StringComparer.Ordinal));
        Assert.Equal(2, factory.Transport.Forgotten.Count);
        await using (var scope = factory.CreateDbScope())
        {
            Assert.False(await scope.Db.OutboxMessages.AnyAsync());
        }

        // The sender is still at work: the next request's emails are sent and recorded as usual.
        form = await ConsultationForm.LoadAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, ConsultationForm.ValidValues())).StatusCode);
        var messages = await factory.WaitForOutboxAsync(m => m.Status == OutboxStatus.Sent);
        Assert.Equal(2, messages.Count);
    }
}
