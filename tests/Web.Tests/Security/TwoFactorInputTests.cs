using PiriSite.Web.Security;

namespace PiriSite.Web.Tests.Security;

public class TwoFactorInputTests
{
    [Theory]
    [InlineData("123456", "123456")]
    [InlineData(" 123 456 ", "123456")]
    [InlineData("123-456", "123456")]
    [InlineData(null, "")]
    [InlineData("١٢٣٤٥٦", "")]
    public void AnAuthenticatorCodeKeepsOnlyItsAsciiDigits(string? typed, string expected) =>
        Assert.Equal(expected, TwoFactorInput.AuthenticatorCode(typed));

    [Theory]
    [InlineData("ABCDE-12345", "ABCDE-12345")]
    [InlineData("abcde12345", "ABCDE-12345")]
    [InlineData(" abcde 12345 ", "ABCDE-12345")]
    [InlineData("abcde-1234", "ABCDE-1234")]
    [InlineData(null, "")]
    public void ARecoveryCodeIsAcceptedWithoutItsDashInAnyCaseWithSpaces(string? typed, string expected) =>
        Assert.Equal(expected, TwoFactorInput.RecoveryCode(typed));
}
