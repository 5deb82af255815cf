using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.Extensions.WebEncoders;
using PiriSite.Web.Conventions;
using PiriSite.Web.Services.Consultations;
using PiriSite.Web.Services.Mail;
using Microsoft.AspNetCore.Diagnostics;
using Serilog;

using PiriSite.Web.Localization;

namespace PiriSite.Web.Extensions;

public static class WebExtensions
{
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Options
        // Site:PublicBaseUrl (required, checked at start), the AllowedHosts that follow from it, and trusted proxies
        services.AddPublicAddressAndProxies();
        services.AddOptions<ConsultationOptions>().BindConfiguration(ConsultationOptions.SectionName);
        services.AddOptions<MailOptions>().BindConfiguration(MailOptions.SectionName)
            .Validate(mail => mail.LeaseFitsASend, "Mail:LeaseSeconds must be longer than Mail:SendTimeoutSeconds plus 5 seconds.")
            .ValidateOnStart();

        // MVC: every unsafe request (POST, PUT, DELETE) must carry a valid antiforgery token; HEAD is answered wherever
        // GET is.
        services.AddControllersWithViews(options =>
        {
            options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute());
            options.Conventions.Add(new HeadAsGetConvention());
            options.Conventions.Add(new LocalizedRoutesConvention());
        });
        services.AddRouting(options => options.LowercaseUrls = true);
        services.AddSiteLocalization();

        // Accented letters (Spanish, French) are written as themselves, not as &#xE9; entities; markup is still encoded.
        services.Configure<WebEncoderOptions>(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));

        // Content
        services.AddScoped<FirmProfileService>();
        services.AddScoped<PublicContentService>();
        services.AddScoped<AuditLog>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.ContentEditingService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.ContentPreviewService>();
        services.AddSingleton<PiriSite.Web.Services.Seo.PageContextFactory>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.ContentQueryService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.TopicService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.FirmProfileEditingService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.FirmProfileHistoryService>();
        services.AddPublicPageCaching(builder.Configuration);

        // The advertising archive: publications queued with the content they publish, captured by its worker
        services.AddOptions<PiriSite.Web.Services.Advertising.AdvertisingOptions>().BindConfiguration(PiriSite.Web.Services.Advertising.AdvertisingOptions.SectionName);
        services.AddSingleton<PiriSite.Web.Services.Advertising.AdvertisingCaptureSignal>();
        services.AddScoped<PiriSite.Web.Services.Advertising.AdvertisingArchive>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.AdvertisingArchiveService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.AdvertisingBulkFiling>();
        services.AddScoped<PiriSite.Web.Services.Advertising.PageSnapshotter>();
        services.AddHttpClient(PiriSite.Web.Services.Advertising.SiteLoopback.ClientName, PiriSite.Web.Services.Advertising.SiteLoopback.Configure)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false });
        services.AddSingleton<PiriSite.Web.Services.Advertising.AdvertisingCaptureWorker>();
        services.AddHostedService(provider => provider.GetRequiredService<PiriSite.Web.Services.Advertising.AdvertisingCaptureWorker>());

        // Media library (uploads, their store: the folder or, for several instances, the database; serving) and the
        // audit log's pages. At start, in this order: the images only the other store holds copied across (a site that
        // changed Media:Store), then the metadata scrub of old uploads (Folder).
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.SectionName);
        services.AddSingleton<PiriSite.Web.Services.Media.MediaFolder>();
        services.AddScoped<PiriSite.Web.Services.Media.IMediaStore>(provider =>
            provider.GetRequiredService<IOptions<MediaOptions>>().Value.Store == MediaStoreKind.Database
                ? ActivatorUtilities.CreateInstance<PiriSite.Web.Services.Media.DatabaseMediaStore>(provider)
                : ActivatorUtilities.CreateInstance<PiriSite.Web.Services.Media.FolderMediaStore>(provider));
        services.AddScoped<PiriSite.Web.Services.Media.PendingUploads>();
        services.AddScoped<PiriSite.Web.Services.Media.MediaLibraryService>();
        services.AddHostedService<PiriSite.Web.Services.Media.MediaStoreSwitch>();
        services.AddHostedService<PiriSite.Web.Services.Media.MediaMetadataScrub>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.AuditQueryService>();

        // Staff accounts, managed by the attorney
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.StaffAccountService>();

        // Leads inbox, the retention of closed requests, and the morning follow-up reminders
        services.AddOptions<LeadsOptions>().BindConfiguration(LeadsOptions.SectionName);
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.LeadInboxService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.LeadRequestService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.LeadExportService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.LeadStatisticsService>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.LeadPurge>();
        services.AddSingleton<PiriSite.Web.Areas.Admin.Services.LeadRetentionJob>();
        services.AddHostedService(provider => provider.GetRequiredService<PiriSite.Web.Areas.Admin.Services.LeadRetentionJob>());
        services.AddSingleton<PiriSite.Web.Areas.Admin.Services.FollowUpReminderJob>();
        services.AddHostedService(provider => provider.GetRequiredService<PiriSite.Web.Areas.Admin.Services.FollowUpReminderJob>());
        services.AddScoped<PiriSite.Web.Filters.RequireTwoFactorSetupFilter>();
        services.AddHttpContextAccessor();

        // Consultation requests
        services.AddScoped<ConsultationService>();
        services.AddScoped<ConsultationNotices>();
        services.AddScoped<PiriSite.Web.Areas.Admin.Services.ConsultationNoticeEditingService>();
        services.AddSingleton<ConsultationFormTokens>();
        services.AddSingleton<ConsultationEmails>();
        services.AddSiteRateLimits();

        // Email, through the outbox: SMTP when a host is configured, otherwise .eml files in a folder.
        services.AddSingleton<OutboxSignal>();
        services.AddSingleton<IMailTransport>(provider =>
        {
            var mail = provider.GetRequiredService<IOptions<MailOptions>>().Value;
            return string.IsNullOrWhiteSpace(mail.Smtp.Host)
                ? new PickupDirectoryMailTransport(Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, mail.PickupDirectory)))
                : new SmtpMailTransport(provider.GetRequiredService<IOptions<MailOptions>>());
        });
        services.AddSingleton<OutboxSender>();
        services.AddScoped<OutboxService>();
        services.AddHostedService(provider => provider.GetRequiredService<OutboxSender>());

        // Backups: the backup and restore commands, and the daily backup (on when Backup:Folder is set)
        services.AddOptions<PiriSite.Web.Services.Backups.BackupOptions>().BindConfiguration(PiriSite.Web.Services.Backups.BackupOptions.SectionName);
        services.AddScoped<PiriSite.Web.Services.Backups.BackupService>();
        services.AddSingleton<PiriSite.Web.Services.Backups.ScheduledBackupJob>();
        services.AddHostedService(provider => provider.GetRequiredService<PiriSite.Web.Services.Backups.ScheduledBackupJob>());

        // Security: no Server banner, strict headers on every response (see SecurityHeaders.cs)
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddSiteSecurityHeaders(builder.Environment);

        // Data-protection keys: kept across restarts, encrypted to a certificate when one is configured (see DataProtectionExtensions.cs)
        builder.AddSiteDataProtection();

        // Health
        // Healthy means the database opens, has its schema and answers a real query, not just that the file exists;
        // Degraded (still 200) while intake notices are not leaving the outbox.
        services.AddHealthChecks().AddDbContextCheck<SiteDbContext>("database",
            customTestQuery: (db, cancellationToken) => db.FirmProfiles.AnyAsync(cancellationToken))
            .AddCheck<OutboxHealthCheck>("outbox", Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded);

        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Host filtering already runs before this (the host's defaults put it first; see ProxyAndHostFiltering).
        app.UseTrustedForwardedHeaders();
        app.UseSecurityHeaders();
        // Every cookie the site sets is Secure, HttpOnly and SameSite=Strict, whoever sets it (see SecurityHeaders.cs).
        app.UseCookiePolicy();

        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            // The public never sees a stack trace: a friendly page with the phone number instead.
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandlingPath = "/error/500",
                // A body over the size limit, or unreadable, is the client's error (413, 400), not the server's.
                StatusCodeSelector = exception => FindBadRequest(exception)?.StatusCode ?? StatusCodes.Status500InternalServerError,
            });
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");

        app.UseRouting();
        // Cached public pages are answered here: not logged one by one, not rate-limited (they cost nothing).
        app.UsePublicPageCaching();
        // After the page cache: a cached page (its address already names its language) needs no culture set.
        app.UseRequestLocalization();
        // The host's own Serilog logger (Program.cs keeps the static one out of it), so request logs reach its sinks.
        app.UseSerilogRequestLogging(options => options.Logger = app.Services.GetRequiredService<Serilog.ILogger>());
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz", new Microsoft.AspNetCore.Diagnostics.HealthChecks.HealthCheckOptions { ResponseWriter = HealthReportWriter.WriteAsync });
        app.MapControllers().WithStaticAssets();

        return app;
    }

    private static BadHttpRequestException? FindBadRequest(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BadHttpRequestException badRequest)
            {
                return badRequest;
            }
        }

        return null;
    }
}
