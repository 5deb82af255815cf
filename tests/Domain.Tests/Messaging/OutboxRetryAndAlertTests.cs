using PiriSite.Domain.Messaging;

namespace PiriSite.Domain.Tests.Messaging;

public class OutboxRetryAndAlertTests
{
    private static readonly DateTime s_now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static OutboxMessage NewMessage(OutboxKind kind = OutboxKind.IntakeNotice, DateTime? createdAt = null) => new()
    {
        Kind = kind,
        To = "a@example.com",
        Subject = "s",
        TextBody = "b",
        CreatedAt = createdAt ?? s_now,
        NextAttemptAt = createdAt ?? s_now,
    };

    [Fact]
    public void RetryNowMakesAFailedMessageDueWithOneMoreAttempt()
    {
        var message = NewMessage();
        message.RecordFailure("down", s_now, TimeSpan.FromSeconds(30), maxAttempts: 1);
        Assert.Equal(OutboxStatus.Failed, message.Status);

        Assert.True(message.RetryNow(s_now.AddHours(2)));

        Assert.Equal(OutboxStatus.Pending, message.Status);
        Assert.Equal(s_now.AddHours(2), message.NextAttemptAt);
        Assert.Equal("down", message.LastError);

        // Still down: failed again at once, not another day of backoff.
        message.RecordFailure("still down", s_now.AddHours(2), TimeSpan.FromSeconds(30), maxAttempts: 1);
        Assert.Equal(OutboxStatus.Failed, message.Status);
    }

    [Fact]
    public void RetryNowBringsAWaitingMessageForward()
    {
        var message = NewMessage();
        message.RecordFailure("down", s_now, TimeSpan.FromMinutes(30), maxAttempts: 30);

        Assert.True(message.RetryNow(s_now.AddMinutes(1)));

        Assert.Equal(s_now.AddMinutes(1), message.NextAttemptAt);
        Assert.Equal(OutboxStatus.Pending, message.Status);
    }

    [Fact]
    public void ASentMessageIsNotRetried()
    {
        var message = NewMessage();
        message.RecordSent(s_now);

        Assert.False(message.RetryNow(s_now.AddMinutes(1)));

        Assert.Equal(OutboxStatus.Sent, message.Status);
        Assert.Equal(s_now, message.NextAttemptAt);
    }

    [Fact]
    public void AnIntakeNoticeIsStuckWhenFailedOrUnsentForFifteenMinutes()
    {
        var stuck = OutboxAlert.IntakeNoticeStuck(s_now).Compile();
        var failed = NewMessage(createdAt: s_now);
        failed.RecordFailure("down", s_now, TimeSpan.FromSeconds(1), maxAttempts: 1);
        var sentLate = NewMessage(createdAt: s_now.AddHours(-1));
        sentLate.RecordSent(s_now);

        Assert.True(stuck(failed));
        Assert.True(stuck(NewMessage(createdAt: s_now.AddMinutes(-15))));
        Assert.False(stuck(NewMessage(createdAt: s_now.AddMinutes(-14))));
        Assert.False(stuck(sentLate));
    }

    [Fact]
    public void AnAcknowledgementNeverRaisesTheIntakeAlarm()
    {
        var stuck = OutboxAlert.IntakeNoticeStuck(s_now).Compile();
        var failed = NewMessage(OutboxKind.Acknowledgement);
        failed.RecordFailure("down", s_now, TimeSpan.FromSeconds(1), maxAttempts: 1);

        Assert.False(stuck(failed));
        Assert.False(stuck(NewMessage(OutboxKind.Acknowledgement, s_now.AddHours(-1))));
    }
}
