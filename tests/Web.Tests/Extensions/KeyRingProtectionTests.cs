using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>With DataProtection:CertificatePath set, the key ring on disk is encrypted to that certificate and read back.</summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string CertificatePassword = "a test certificate password";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pirisite-keyring-tests", Guid.NewGuid().ToString("N"));

    public KeyRingProtectionTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task WithACertificateTheKeyRingFileIsEncryptedAndReadBackAfterARestart()
    {
        var keys = Path.Combine(_directory, "keys");
        var settings = new Dictionary<string, string?>
        {
            ["Site:DataProtectionKeysPath"] = keys,
            ["DataProtection:CertificatePath"] = WriteSelfSignedCertificate(),
            ["DataProtection:CertificatePassword"] = CertificatePassword,
        };

        string protectedText;
        using (var first = new SiteFactory(settings))
        {
            protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");
        }

        var xml = string.Concat(Directory.GetFiles(keys, "key-*.xml").Select(File.ReadAllText));
        Assert.NotEqual("", xml);
        Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);

        using var second = new SiteFactory(settings);
        Assert.Equal("a secret", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        using var client = second.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public void WithoutACertificateTheKeyIsPlainXml()
    {
        // The contrast that shows the test above can fail: Linux has no platform protection to fall back on.
        var keys = Path.Combine(_directory, "plain-keys");
        using (var factory = new SiteFactory(new Dictionary<string, string?> { ["Site:DataProtectionKeysPath"] = keys }))
        {
            factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");
        }

        var xml = string.Concat(Directory.GetFiles(keys, "key-*.xml").Select(File.ReadAllText));
        Assert.Contains("<value>", xml, StringComparison.Ordinal);
    }

    private string WriteSelfSignedCertificate()
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=PiriSite data protection (test)", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        var path = Path.Combine(_directory, "dataprotection.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, CertificatePassword));
        return path;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // The OS temp folder cleans it up.
        }
    }
}
