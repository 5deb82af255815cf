using System.Net;
using Microsoft.EntityFrameworkCore;
using MimeKit;
using PiriSite.Domain.Messaging;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Mail;

public class OutboxSenderTests
{
    private static readonly TimeSpan s_deliveryTimeout = TimeSpan.FromSeconds(30);

    private static Dictionary<string, string?> SmtpSettings(int port) => new()
    {
        ["Mail:Smtp:Host"] = "127.0.0.1",
        ["Mail:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Mail:Smtp:Security"] = "None",
        ["Mail:FromAddress"] = "website@pirisite.test",
        ["Consultation:IntakeEmail"] = "intake@pirisite.test",
    };

    [Fact]
    public async Task TheIntakeEmailAndTheAcknowledgementArriveWithTheRightContent()
    {
        await using var smtp = new TestSmtpServer(TestSmtpServer.FreePort());
        using var factory = new SiteFactory(SmtpSettings(smtp.Port));
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);
        var values = ConsultationForm.ValidValues();
        values["PreferredLanguage"] = "French";
        values["Urgency"] = "CourtDate";
        values["CourtDate"] = DateTime.UtcNow.AddDays(20).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(client, values)).StatusCode);
        var messages = await smtp.WaitForMessagesAsync(2, s_deliveryTimeout);

        var reference = await ReferenceOfAsync(factory, form["IdempotencyKey"]);
        Assert.Equal(2, messages.Count);
        var intake = messages.Single(m => Recipient(m) == "intake@pirisite.test");
        Assert.Equal("website@pirisite.test", ((MailboxAddress)intake.From[0]).Address);
        Assert.Equal($"New consultation request {reference} (Court date coming: {values["CourtDate"]})", intake.Subject);
        Assert.Contains($"https://www.pirisite.test/admin/leads/{reference}", intake.TextBody, StringComparison.Ordinal);
        Assert.Contains("Practice area:      Immigration Court", intake.TextBody, StringComparison.Ordinal);
        Assert.Contains("Preferred language: French", intake.TextBody, StringComparison.Ordinal);
        foreach (var personal in new[] { "María", "Hernández", "555-0142", "maria.hernandez@example.com", "traffic stop" })
        {
            Assert.DoesNotContain(personal, intake.TextBody, StringComparison.Ordinal);
            Assert.DoesNotContain(personal, intake.Subject, StringComparison.Ordinal);
        }

        var acknowledgement = messages.Single(m => Recipient(m) == "maria.hernandez@example.com");
        Assert.Equal($"Nous avons reçu votre demande de consultation ({reference})", acknowledgement.Subject);
        Assert.Contains("Bonjour María,", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Hernández", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.Contains("(833) 600-0029", acknowledgement.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("traffic stop", acknowledgement.TextBody, StringComparison.Ordinal);

        // The server has the message before the sender records it as sent: wait for the record (a busy machine
        // made this read the second message still Pending).
        var deadline = DateTime.UtcNow + s_deliveryTimeout;
        List<OutboxStatus> states;
        do
        {
            await using var scope = factory.CreateDbScope();
            states = await scope.Db.OutboxMessages.Select(m => m.Status).ToListAsync();
        }
        while (states.Any(state => state != OutboxStatus.Sent) && DateTime.UtcNow < deadline && await Delay());

        Assert.All(states, state => Assert.Equal(OutboxStatus.Sent, state));
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(50);
        return true;
    }

    [Fact]
    public async Task WhileTheSmtpServerIsDownTheOutboxRetriesThenDeliversOnceItIsBack()
    {
        var port = TestSmtpServer.FreePort();
        using var factory = new SiteFactory(SmtpSettings(port));
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        // The person is answered at once, whatever the mail server is doing.
        var response = await form.PostAsync(client);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var failing = await WaitForAsync(factory, m => m.Attempts >= 2);
        Assert.All(failing, m =>
        {
            Assert.Equal(OutboxStatus.Pending, m.Status);
            Assert.False(string.IsNullOrEmpty(m.LastError));
            Assert.Null(m.SentAt);
        });

        await using var smtp = new TestSmtpServer(port);
        var messages = await smtp.WaitForMessagesAsync(2, s_deliveryTimeout);

        Assert.Equal(2, messages.Count);
        var sent = await WaitForAsync(factory, m => m.Status == OutboxStatus.Sent);
        Assert.All(sent, m =>
        {
            Assert.True(m.Attempts >= 3, $"sent after {m.Attempts} attempts");
            Assert.NotNull(m.SentAt);
            Assert.Null(m.LastError);
        });
    }

    [Fact]
    public async Task WithoutAnSmtpServerMessagesAreWrittenAsEmlFiles()
    {
        using var factory = new SiteFactory();
        using var client = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(client);

        await form.PostAsync(client);
        var reference = await ReferenceOfAsync(factory, form["IdempotencyKey"]);

        var deadline = DateTime.UtcNow + s_deliveryTimeout;
        List<MimeMessage> written = [];
        while (written.Count < 2 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
            written = Directory.Exists(factory.MailPickupDirectory)
                ? Directory.GetFiles(factory.MailPickupDirectory, "*.eml").Select(path => MimeMessage.Load(path))
                    .Where(m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true).ToList()
                : [];
        }

        Assert.Equal(2, written.Count);
        Assert.Contains(written, m => Recipient(m) == "intake@localhost");
        Assert.Contains(written, m => Recipient(m) == "maria.hernandez@example.com");
    }

    private static string Recipient(MimeMessage message) => ((MailboxAddress)message.To[0]).Address;

    private static async Task<string> ReferenceOfAsync(SiteFactory factory, string idempotencyKey)
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.ConsultationRequests.Where(r => r.IdempotencyKey == Guid.Parse(idempotencyKey))
            .Select(r => r.Reference).SingleAsync();
    }

    private static async Task<List<OutboxMessage>> WaitForAsync(SiteFactory factory, Func<OutboxMessage, bool> condition)
    {
        var deadline = DateTime.UtcNow + s_deliveryTimeout;
        while (true)
        {
            await using var scope = factory.CreateDbScope();
            var messages = await scope.Db.OutboxMessages.AsNoTracking().ToListAsync();
            if ((messages.Count > 0 && messages.All(condition)) || DateTime.UtcNow > deadline)
            {
                return messages;
            }

            await Task.Delay(200);
        }
    }
}
