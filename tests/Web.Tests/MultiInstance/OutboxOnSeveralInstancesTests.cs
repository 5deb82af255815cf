using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using PiriSite.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace PiriSite.Web.Tests.MultiInstance;

/// <summary>
/// The outbox with two senders on one database, each an instance of the real site, mailing a real SMTP server:
/// every message is sent exactly once; and when one instance is killed in the middle of sending, the other finishes
/// the messages it had claimed once their lease runs out.
/// </summary>
public sealed class OutboxOnSeveralInstancesTests(ITestOutputHelper output)
{
    [MultiInstanceFact]
    public async Task FiveHundredRequestsSplitAcrossTwoInstancesAreEachMailedExactlyOnce()
    {
        await using var smtp = new TestSmtpServer(TestSmtpServer.FreePort());
        await using var cluster = new SiteCluster(MailTo(smtp));
        var instances = new[] { await cluster.StartAsync("web-a"), await cluster.StartAsync("web-b") };

        var acknowledged = 0;
        var workers = Enumerable.Range(0, 10).Select(worker => Task.Run(async () =>
        {
            for (var i = worker; i < 500; i += 10)
            {
                // Half the requests to each instance, as a proxy would send them.
                using var visitor = instances[i % 2].NewVisitor();
                var form = await ConsultationForm.LoadAsync(visitor);
                using var response = await form.PostAsync(visitor, WithDescription(i));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
                Interlocked.Increment(ref acknowledged);
            }
        })).ToList();
        await Task.WhenAll(workers);
        Assert.Equal(500, acknowledged);

        var expected = await CountMessagesAsync(cluster);
        Assert.True(expected >= 500, $"only {expected} outbox messages for 500 requests");
        await WaitUntilAllSentAsync(cluster, TimeSpan.FromMinutes(3));
        await Task.Delay(TimeSpan.FromSeconds(2)); // a duplicate would arrive after the last first copy

        var delivered = smtp.Messages.Select(m => m.MessageId).ToList();
        var duplicates = delivered.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        output.WriteLine($"{expected} messages, {delivered.Count} delivered, {duplicates.Count} duplicated");
        Assert.Empty(duplicates);
        Assert.Equal(expected, delivered.Count);
        Assert.Equal(expected, (await SentIdsAsync(cluster)).Count);
    }

    [MultiInstanceFact]
    public async Task MessagesClaimedByAKilledInstanceAreSentByTheOtherAfterTheirLease()
    {
        // A slow mail server, so that the instance is caught in the middle of its batch.
        await using var smtp = new TestSmtpServer(TestSmtpServer.FreePort(), delayPerMessage: TimeSpan.FromMilliseconds(300));
        var settings = MailTo(smtp);
        settings["Mail__LeaseSeconds"] = "10";
        settings["Mail__SendTimeoutSeconds"] = "3";
        await using var cluster = new SiteCluster(settings);
        var a = await cluster.StartAsync("web-a");

        using (var visitor = a.NewVisitor())
        {
            for (var i = 0; i < 15; i++)
            {
                var form = await ConsultationForm.LoadAsync(visitor);
                using var response = await form.PostAsync(visitor, WithDescription(i));
                Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            }
        }

        var expected = await CountMessagesAsync(cluster);
        await smtp.WaitForMessagesAsync(3, TimeSpan.FromSeconds(60));
        await a.KillAsync();
        var claimedByA = await ClaimedUnsentAsync(cluster);
        var deliveredBeforeB = smtp.Messages.Count;
        output.WriteLine($"{expected} messages; {deliveredBeforeB} delivered before the kill; {claimedByA.Count} claimed by A and unsent");
        Assert.NotEmpty(claimedByA);

        var b = await cluster.StartAsync("web-b");
        await WaitUntilAllSentAsync(cluster, TimeSpan.FromMinutes(2));
        await Task.Delay(TimeSpan.FromSeconds(2));

        var delivered = smtp.Messages.Select(m => m.MessageId).ToList();
        var sentIds = await SentIdsAsync(cluster);
        Assert.Equal(expected, sentIds.Count);
        // Every message reached the server; A's claimed ones were sent by B after the lease.
        Assert.All(sentIds, id => Assert.Contains(id, delivered));
        Assert.All(claimedByA, id => Assert.Contains(id, delivered));
        // The one message A may have been handing over when it died can arrive twice (the server had it, A had no
        // time to record it): SMTP offers no way to tell. Never more than that one.
        var duplicates = delivered.GroupBy(id => id).Count(g => g.Count() > 1);
        output.WriteLine($"{delivered.Count} delivered in all, {duplicates} twice");
        Assert.True(duplicates <= 1, $"{duplicates} messages were delivered twice");
        Assert.False(b.HasExited);
    }

    private static Dictionary<string, string> MailTo(TestSmtpServer smtp) => new()
    {
        ["Mail__Smtp__Host"] = "127.0.0.1",
        ["Mail__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Mail__Smtp__Security"] = "None",
    };

    private static Dictionary<string, string> WithDescription(int i)
    {
        var values = ConsultationForm.ValidValues();
        values["Email"] = $"person{i}@example.com";
        values["Description"] = $"Request number {i} of the several-instances test.";
        return values;
    }

    private static async Task<int> CountMessagesAsync(SiteCluster cluster)
    {
        await using var db = await cluster.OpenDatabaseAsync();
        await using var command = db.CreateCommand();
        command.CommandText = """SELECT COUNT(*) FROM "OutboxMessages" """;
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    private static async Task<List<string>> SentIdsAsync(SiteCluster cluster) =>
        await MessageIdsAsync(cluster, """ "Status" = 'Sent' """);

    private static async Task<List<string>> ClaimedUnsentAsync(SiteCluster cluster) =>
        await MessageIdsAsync(cluster, """ "Status" = 'Pending' AND "ClaimedBy" IS NOT NULL """);

    private static async Task<List<string>> MessageIdsAsync(SiteCluster cluster, string where)
    {
        await using var db = await cluster.OpenDatabaseAsync();
        await using var command = db.CreateCommand();
        command.CommandText = $"""SELECT "Id", "CreatedAt" FROM "OutboxMessages" WHERE {where}""";
        var ids = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            ids.Add(PiriSite.Domain.Messaging.OutboxMessage.MimeMessageId(reader.GetInt32(0), reader.GetDateTime(1).ToUniversalTime()));
        }

        return ids;
    }

    private static async Task WaitUntilAllSentAsync(SiteCluster cluster, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            await using var db = await cluster.OpenDatabaseAsync();
            await using var command = db.CreateCommand();
            command.CommandText = """SELECT COUNT(*) FROM "OutboxMessages" WHERE "Status" <> 'Sent'""";
            if (Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) == 0)
            {
                return;
            }

            await Task.Delay(500);
        }

        throw new Xunit.Sdk.XunitException("Not every outbox message was sent in time");
    }
}
