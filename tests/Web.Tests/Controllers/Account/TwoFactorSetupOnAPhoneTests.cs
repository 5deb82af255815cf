using System.Net;
using System.Text.RegularExpressions;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;
using QRCoder;

namespace PiriSite.Web.Tests.Controllers.Account;

/// <summary>
/// Two-factor set-up on the phone it is for: the otpauth:// address the QR code holds is also a link, the key is
/// there to copy, and the recovery codes can be downloaded as a text file without the server keeping them.
/// </summary>
public partial class TwoFactorSetupOnAPhoneTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheSetUpPageLinksTheSameAddressTheQrCodeHoldsAndOffersTheKeyToCopy()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "phone.setup@pirisite.test", StaffRoles.Staff, withTwoFactor: false);
        using var client = StaffSessions.NewClient(factory);
        await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);

        var setup = await client.GetStringAsync("/account/two-factor");

        var key = CopyKey().Match(setup).Groups[1].Value;
        Assert.Matches("^[A-Z2-7]{16,}$", key);
        Assert.Equal(key, SharedKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
        var link = Assert.Single(Html.Hrefs(setup), href => href.StartsWith("otpauth:", StringComparison.Ordinal));
        Assert.Equal($"otpauth://totp/PiriSite:phone.setup%40pirisite.test?secret={key}&issuer=PiriSite&digits=6", link);
        Assert.Contains("Add to an authenticator app on this phone", setup, StringComparison.Ordinal);

        // The QR code is the link's address, drawn: the same SVG as QRCoder makes of it.
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(link, QRCodeGenerator.ECCLevel.M);
        Assert.Contains(new SvgQRCode(data).GetGraphic(5), setup, StringComparison.Ordinal);

        // The copy button is hidden until admin.js (loaded by the staff layout) makes it work.
        Assert.Contains("<button type=\"button\" class=\"btn btn-small\" data-copy=\"#shared-key-copy\" data-copied=\"Key copied\" hidden>Copy the key</button>", setup, StringComparison.Ordinal);
        Assert.Matches("<script src=\"/js/admin(\\.[a-z0-9]+)?\\.js\" defer>", setup);

        // An app that took the link's secret signs in with it.
        var enabled = await client.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(setup),
            ["Code"] = Totp.Code(Regex.Match(link, "secret=([A-Z2-7]+)").Groups[1].Value),
        }));
        Assert.Equal(10, RecoveryCode().Count(await enabled.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task TheRecoveryCodesCanBeDownloadedAsATextFileFromThePageItself()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "codes.download@pirisite.test", StaffRoles.Staff, withTwoFactor: false);
        using var client = StaffSessions.NewClient(factory);
        await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);
        var setup = await client.GetStringAsync("/account/two-factor");

        var response = await client.PostAsync("/account/two-factor", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(setup),
            ["Code"] = Totp.Code(CopyKey().Match(setup).Groups[1].Value),
        }));
        var html = await response.Content.ReadAsStringAsync();

        var codes = RecoveryCode().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        var file = DownloadedText(html);
        Assert.All(codes, code => Assert.Contains($"\n{code}\n", file, StringComparison.Ordinal));
        Assert.StartsWith("PiriSite recovery codes for codes.download@pirisite.test\n", file, StringComparison.Ordinal);
        Assert.Contains("Keep them somewhere safe", Html.Text(html), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ANewAuthenticatorAndNewRecoveryCodesOfferTheLinkAndTheDownloadToo()
    {
        var (user, oldKey) = await StaffSessions.CreateAsync(factory, "phone.move@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, user.Email!, oldKey);

        var setup = await PostWithPasswordAsync(client, "/account/two-factor/new-key");
        var newKey = CopyKey().Match(setup).Groups[1].Value;
        Assert.NotEqual(oldKey, newKey);
        Assert.Contains($"otpauth://totp/PiriSite:phone.move%40pirisite.test?secret={newKey}&issuer=PiriSite&digits=6", Html.Hrefs(setup));

        var renewed = await PostWithPasswordAsync(client, "/account/two-factor/recovery-codes");
        var codes = RecoveryCode().Matches(renewed).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.All(codes, code => Assert.Contains(code, DownloadedText(renewed), StringComparison.Ordinal));
    }

    private static async Task<string> PostWithPasswordAsync(HttpClient client, string path)
    {
        var page = await client.GetStringAsync("/account/two-factor");
        var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(page),
            ["CurrentPassword"] = StaffSessions.Password,
        }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    // The text file the page's download link holds: a data: address, with the file name to save it under.
    private static string DownloadedText(string html)
    {
        var match = DownloadLink().Match(html);
        Assert.True(match.Success, "No download link for the recovery codes.");
        var href = WebUtility.HtmlDecode(match.Groups[1].Value);
        const string prefix = "data:text/plain;charset=utf-8,";
        Assert.StartsWith(prefix, href, StringComparison.Ordinal);
        return Uri.UnescapeDataString(href[prefix.Length..]);
    }

    [GeneratedRegex("<a class=\"[^\"]*\" href=\"([^\"]+)\" download=\"pirisite-recovery-codes.txt\">")]
    private static partial Regex DownloadLink();

    [GeneratedRegex("<li><code>([^<]+)</code></li>")]
    private static partial Regex RecoveryCode();

    [GeneratedRegex("id=\"shared-key\">([^<]+)<")]
    private static partial Regex SharedKey();

    [GeneratedRegex("id=\"shared-key-copy\" value=\"([^\"]+)\"")]
    private static partial Regex CopyKey();
}
