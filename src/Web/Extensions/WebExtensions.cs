using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using PiriSite.Data;
using PiriSite.Domain.Content;
using PiriSite.Web.Options;
using PiriSite.Web.Services;
using Serilog;

namespace PiriSite.Web.Extensions;

public static class WebExtensions
{
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;

        // Options
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName);

        // MVC: every unsafe request (POST, PUT, DELETE) must carry a valid antiforgery token.
        services.AddControllersWithViews(options => options.Filters.Add(new AutoValidateAntiforgeryTokenAttribute()));
        services.AddRouting(options => options.LowercaseUrls = true);

        // Content
        services.AddSingleton<MarkdownRenderer>();
        services.AddScoped<FirmProfileService>();
        services.AddScoped<PublicContentService>();

        // Security: no Server banner, strict headers on every response (see SecurityHeaders.cs)
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(options => options.AddServerHeader = false);
        services.AddSiteSecurityHeaders(builder.Environment);

        // Keys that sign antiforgery tokens survive restarts (and, in Docker, live on the data volume).
        var keysPath = builder.Configuration[$"{SiteOptions.SectionName}:{nameof(SiteOptions.DataProtectionKeysPath)}"]
            ?? new SiteOptions().DataProtectionKeysPath;
        services.AddDataProtection()
            .SetApplicationName("PiriSite")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, keysPath))));

        // Health
        // Healthy means the database opens, has its schema and answers a real query, not just that the file exists.
        services.AddHealthChecks().AddDbContextCheck<SiteDbContext>("database",
            customTestQuery: (db, cancellationToken) => db.FirmProfiles.AnyAsync(cancellationToken));

        return builder;
    }

    public static WebApplication UseWebPipeline(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        app.UseSecurityHeaders();

        if (app.Environment.IsDevelopment())
        {
            app.UseDeveloperExceptionPage();
        }
        else
        {
            // The public never sees a stack trace: a friendly page with the phone number instead.
            app.UseExceptionHandler("/error/500");
        }

        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseSerilogRequestLogging();

        app.UseRouting();
        app.UseAuthorization();

        app.MapStaticAssets();
        app.MapHealthChecks("/healthz");
        app.MapControllers().WithStaticAssets();

        return app;
    }
}
