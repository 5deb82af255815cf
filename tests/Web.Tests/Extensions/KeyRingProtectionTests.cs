using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>
/// The key ring lives in the site's database (so a restored backup restores it); with DataProtection:CertificatePath
/// set its keys are encrypted to that certificate and read back; keys an earlier version kept as files are imported.
/// </summary>
public sealed class KeyRingProtectionTests : IDisposable
{
    private const string CertificatePassword = "a test certificate password";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "pirisite-keyring-tests", Guid.NewGuid().ToString("N"));

    public KeyRingProtectionTests() => Directory.CreateDirectory(_directory);

    [Fact]
    public async Task WithACertificateTheKeyRingIsEncryptedInTheDatabaseAndReadBackAfterARestart()
    {
        var settings = new Dictionary<string, string?>
        {
            ["DataProtection:CertificatePath"] = WriteSelfSignedCertificate(),
            ["DataProtection:CertificatePassword"] = CertificatePassword,
        };

        using var first = new SiteFactory(settings);
        var protectedText = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");

        var xml = await KeyRingXmlAsync(first);
        Assert.NotEqual("", xml);
        Assert.Contains("EncryptedXmlDecryptor", xml, StringComparison.Ordinal);
        Assert.DoesNotContain("<value>", xml, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "keys")), "no key is written to a folder any more");

        // A new host on the same database: the key ring is read from the database, not from this process's memory.
        using var second = first.WithWebHostBuilder(_ => { });
        Assert.Equal("a secret", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        using var client = second.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/account/login")).StatusCode);
    }

    [Fact]
    public async Task WithoutACertificateTheKeyIsPlainXml()
    {
        // The contrast that shows the test above can fail: Linux has no platform protection to fall back on.
        using var factory = new SiteFactory();
        factory.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a secret");

        Assert.Contains("<value>", await KeyRingXmlAsync(factory), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeysAnEarlierVersionKeptAsFilesAreImportedOnceAndStillOpenWhatTheyProtected()
    {
        // As the earlier version wrote them: ASP.NET Core's file repository, the site's application name.
        var folder = Path.Combine(_directory, "old-keys");
        var earlier = DataProtectionProvider.Create(new DirectoryInfo(folder), builder => builder.SetApplicationName("PiriSite"));
        var protectedText = earlier.CreateProtector("test").Protect("a secret from before");
        var fileKey = Path.GetFileNameWithoutExtension(Assert.Single(Directory.GetFiles(folder, "key-*.xml")));

        using var site = new SiteFactory(new Dictionary<string, string?> { ["Site:DataProtectionKeysPath"] = folder });
        Assert.Equal("a secret from before", site.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedText));
        using var restarted = site.WithWebHostBuilder(_ => { });
        await using var scope = restarted.Services.CreateAsyncScope(); // starts it: the initialiser runs again
        var stored = await scope.ServiceProvider.GetRequiredService<SiteDbContext>().DataProtectionKeys.Select(k => k.FriendlyName).ToListAsync();
        Assert.Equal([fileKey], stored);
    }

    private static async Task<string> KeyRingXmlAsync(SiteFactory site)
    {
        await using var scope = site.CreateDbScope();
        return string.Concat(await scope.Db.DataProtectionKeys.Select(k => k.Xml).ToListAsync());
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
