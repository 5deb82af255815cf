using PiriSite.Domain.Messaging;

namespace PiriSite.Domain.Tests.Messaging;

public class OutboxMessageTests
{
    private static readonly DateTime s_now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static OutboxMessage NewMessage() => new() { To = "a@example.com", Subject = "s", TextBody = "b", NextAttemptAt = s_now };

    [Fact]
    public void FailuresAreRetriedWithGrowingDelaysCappedAtAnHour()
    {
        var message = NewMessage();
        var delays = new List<TimeSpan>();

        for (var i = 0; i < 12; i++)
        {
            message.RecordFailure("SmtpCommandException: mailbox busy", s_now, TimeSpan.FromSeconds(30), maxAttempts: 30);
            delays.Add(message.NextAttemptAt - s_now);
        }

        Assert.Equal(TimeSpan.FromSeconds(30), delays[0]);
        Assert.Equal(TimeSpan.FromSeconds(60), delays[1]);
        Assert.Equal(TimeSpan.FromSeconds(120), delays[2]);
        Assert.Equal(TimeSpan.FromHours(1), delays[^1]);
        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(12, message.Attempts);
        Assert.Equal("SmtpCommandException: mailbox busy", message.LastError);
    }

    [Fact]
    public void AfterTheLastAttemptTheMessageIsMarkedFailedWithItsReason()
    {
        var message = NewMessage();

        for (var i = 0; i < 3; i++)
        {
            message.RecordFailure($"attempt {i + 1} refused", s_now, TimeSpan.FromSeconds(1), maxAttempts: 3);
        }

        Assert.Equal(OutboxStatus.Failed, message.Status);
        Assert.Equal("attempt 3 refused", message.LastError);
    }

    [Fact]
    public void AVeryLongErrorIsCutToFit()
    {
        var message = NewMessage();

        message.RecordFailure(new string('e', 5000), s_now, TimeSpan.FromSeconds(1), maxAttempts: 3);

        Assert.Equal(OutboxMessage.ErrorMaxLength, message.LastError!.Length);
    }

    [Fact]
    public void ASentMessageKeepsWhenItWasSentAndForgetsOldErrors()
    {
        var message = NewMessage();
        message.RecordFailure("down", s_now, TimeSpan.FromSeconds(1), maxAttempts: 3);

        message.RecordSent(s_now.AddMinutes(1));

        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(s_now.AddMinutes(1), message.SentAt);
        Assert.Null(message.LastError);
        Assert.Equal(2, message.Attempts);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void EitherOutcomeReleasesTheSendersClaim(bool delivered)
    {
        var message = NewMessage();
        message.ClaimedBy = "instance-a";
        message.ClaimedUntil = s_now.AddMinutes(2);

        if (delivered)
        {
            message.RecordSent(s_now);
        }
        else
        {
            message.RecordFailure("refused", s_now, TimeSpan.FromSeconds(30), maxAttempts: 30);
        }

        Assert.Null(message.ClaimedBy);
        Assert.Null(message.ClaimedUntil);
    }
}
