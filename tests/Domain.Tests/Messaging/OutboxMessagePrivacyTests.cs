using PiriSite.Domain.Messaging;

namespace PiriSite.Domain.Tests.Messaging;

public class OutboxMessagePrivacyTests
{
    private static readonly DateTime s_now = new(2026, 12, 1, 4, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ADeliveredMessageForgetsItsBody()
    {
        var message = new OutboxMessage { To = "person@example.com", Subject = "We received your request (PR-AAAAAA)", TextBody = "Hello Ana María,", NextAttemptAt = s_now };

        message.RecordSent(s_now);

        Assert.Equal("", message.TextBody);
    }

    [Fact]
    public void AFailedMessageKeepsItsBodyForTheNextAttempt()
    {
        var message = new OutboxMessage { To = "person@example.com", Subject = "s", TextBody = "Hello Ana María,", NextAttemptAt = s_now };

        message.RecordFailure("refused", s_now, TimeSpan.FromSeconds(30), maxAttempts: 3);

        Assert.Equal("Hello Ana María,", message.TextBody);
    }

    [Fact]
    public void TheMessageIdIsStablePerRow() =>
        Assert.Equal("outbox-42-20261201040000@pirisite", new OutboxMessage { Id = 42, CreatedAt = s_now, To = "a@example.com", Subject = "s", TextBody = "b" }.MimeMessageId());
}
