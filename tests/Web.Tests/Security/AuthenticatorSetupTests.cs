using PiriSite.Web.Security;

namespace PiriSite.Web.Tests.Security;

public class AuthenticatorSetupTests
{
    [Fact]
    public void TheKeyIsShownInLowerCaseGroupsOfFour()
    {
        var setup = AuthenticatorSetup.For("staff@pirisite.test", "JBSWY3DPEHPK3PXPAB");

        Assert.Equal("jbsw y3dp ehpk 3pxp ab", setup.SharedKey);
    }

    [Fact]
    public void TheQrCodeIsAnSvgImageOfTheKey()
    {
        var setup = AuthenticatorSetup.For("staff@pirisite.test", "JBSWY3DPEHPK3PXP");
        var again = AuthenticatorSetup.For("staff@pirisite.test", "JBSWY3DPEHPK3PXP");
        var otherKey = AuthenticatorSetup.For("staff@pirisite.test", "KRSXG5CTMVRXEZLU");

        Assert.StartsWith("<svg", setup.QrCodeSvg.TrimStart(), StringComparison.Ordinal);
        Assert.Equal(setup.QrCodeSvg, again.QrCodeSvg);
        Assert.NotEqual(setup.QrCodeSvg, otherKey.QrCodeSvg);
    }
}
