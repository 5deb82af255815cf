using PiriSite.Web.Services.Mail;

namespace PiriSite.Web.Tests.Services.Mail;

public class OutboxServiceTests
{
    [Theory]
    [InlineData("SmtpCommandException: 550 5.1.1 <Maria.H@Example.com>: no such user", "maria.h@example.com",
        "SmtpCommandException: 550 5.1.1 <[recipient]>: no such user")]
    [InlineData("SmtpCommandException: 550 relay for maria.h@example.com (forwarded to m.h@mail.example.org) refused", "maria.h@example.com",
        "SmtpCommandException: 550 relay for [recipient] (forwarded to [address]) refused")]
    [InlineData("SocketException: Connection refused", "intake@pirisite.test", "SocketException: Connection refused")]
    public void ErrorsAreShownWithoutAnyEmailAddress(string error, string to, string shown) =>
        Assert.Equal(shown, OutboxService.Redact(error, to));
}
