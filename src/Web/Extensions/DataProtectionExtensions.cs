using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using PiriSite.Data;

namespace PiriSite.Web.Extensions;

public static partial class DataProtectionExtensions
{
    /// <summary>
    /// Keys that sign antiforgery tokens and cookies and encrypt the two-factor secrets are kept in the site's
    /// database, so they survive restarts, are shared by every instance on one database, and come back with a
    /// restored backup. Keys an earlier version kept as files (Site:DataProtectionKeysPath) are imported once by
    /// the initialiser. Linux has no platform protection for them (no DPAPI), so with
    /// <c>DataProtection:CertificatePath</c> set they are encrypted to that certificate; without it they are plain
    /// XML, and the site says so at start outside Development rather than refusing to run.
    /// </summary>
    public static IHostApplicationBuilder AddSiteDataProtection(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        var contentRoot = builder.Environment.ContentRootPath;

        var keysPath = builder.Configuration[$"{SiteOptions.SectionName}:{nameof(SiteOptions.DataProtectionKeysPath)}"]
            ?? new SiteOptions().DataProtectionKeysPath;
        var dataProtection = services.AddDataProtection()
            .SetApplicationName("PiriSite")
            .PersistKeysToDbContext<SiteDbContext>();
        services.Configure<FileKeyImportOptions>(options => options.Folder = Path.GetFullPath(Path.Combine(contentRoot, keysPath)));

        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.SectionName);
        var keyRing = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new KeyRingOptions();
        if (!string.IsNullOrWhiteSpace(keyRing.CertificatePath))
        {
            var path = Path.GetFullPath(Path.Combine(contentRoot, keyRing.CertificatePath));
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"DataProtection:CertificatePath is set to {path}, which does not exist. Point it at a .pfx file with a private key, or remove the setting.");
            }

            var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, keyRing.CertificatePassword);
            if (!certificate.HasPrivateKey)
            {
                throw new InvalidOperationException($"The certificate in DataProtection:CertificatePath ({path}) has no private key, so the key ring could not be read back.");
            }

            // Also registers the certificate for decryption, so keys written with it are read back.
            dataProtection.ProtectKeysWithCertificate(certificate);
        }

        services.AddHostedService<KeyRingProtectionWarning>();
        return builder;
    }

    private sealed partial class KeyRingProtectionWarning(
        IOptions<KeyRingOptions> options, IHostEnvironment environment, ILogger<KeyRingProtectionWarning> logger) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            if (!environment.IsDevelopment() && string.IsNullOrWhiteSpace(options.Value.CertificatePath))
            {
                LogUnprotectedKeyRing(logger);
            }

            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        [LoggerMessage(Level = LogLevel.Warning, Message = "The data-protection key ring is stored unencrypted: anyone who can read the database can decrypt the two-factor secrets and forge sign-in cookies. Set DataProtection:CertificatePath (and DataProtection__CertificatePassword) to encrypt it; see README, Configuration")]
        private static partial void LogUnprotectedKeyRing(ILogger logger);
    }
}
