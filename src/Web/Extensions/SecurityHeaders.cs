namespace PiriSite.Web.Extensions;

internal static class SecurityHeaders
{
    public const string AntiforgeryCookieName = "__Host-PiriSite.Antiforgery";

    public const string TempDataCookieName = "__Host-PiriSite.TempData";

    /// <summary>
    /// An archived public page served to the Attorney as the public saw it: sandboxed (no script runs, and its opaque
    /// origin reaches nothing of the staff area), with its inline stylesheet and inlined or https images and fonts.
    /// </summary>
    public const string ArchivedPagePolicy = "ArchivedPage";

    public const string ArchivedPageContentSecurityPolicy =
        "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data: https:; font-src data:";

    public static IServiceCollection AddSiteSecurityHeaders(this IServiceCollection services, IHostEnvironment environment)
    {
        var isDevelopment = environment.IsDevelopment();

        services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy =>
        {
            AddCommonHeaders(policy, isDevelopment)
                .AddReferrerPolicyStrictOriginWhenCrossOrigin()
                // Nothing is allowed unless named: everything the site needs comes from itself, no inline script, no
                // third-party code, no frames, no plugins. (The JSON-LD block is data, not script, and needs nothing.)
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().None();
                    csp.AddScriptSrc().Self();
                    csp.AddStyleSrc().Self();
                    csp.AddImgSrc().Self();
                    csp.AddFontSrc().Self();
                    // consultation.js asks the site for a form token.
                    csp.AddConnectSrc().Self();
                    csp.AddObjectSrc().None();
                    csp.AddBaseUri().None();
                    csp.AddFormAction().Self();
                    csp.AddFrameAncestors().None();
                });
        }).AddPolicy(ArchivedPagePolicy, policy =>
        {
            // No referrer: the archived page's links must not tell other sites the staff area's addresses.
            AddCommonHeaders(policy, isDevelopment)
                .AddReferrerPolicyNoReferrer()
                .AddCustomHeader("Content-Security-Policy", ArchivedPageContentSecurityPolicy);
        });

        services.AddSiteCookies();
        return services;
    }

    private static HeaderPolicyCollection AddCommonHeaders(HeaderPolicyCollection policy, bool isDevelopment)
    {
        policy.AddContentTypeOptionsNoSniff()
            .AddFrameOptionsDeny()
            .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
            .RemoveServerHeader()
            .AddPermissionsPolicy(permissions =>
            {
                permissions.AddCamera().None();
                permissions.AddMicrophone().None();
                permissions.AddGeolocation().None();
                permissions.AddPayment().None();
            });

        // HSTS pins browsers to HTTPS for a year; in Development it would break plain-HTTP localhost.
        if (!isDevelopment)
        {
            policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 60 * 60 * 24 * 365);
        }

        return policy;
    }

    /// <summary>
    /// Every cookie is Secure, HttpOnly and SameSite=Strict (no flow here needs a cookie on a cross-site request:
    /// forms post to the site itself), and the site's own are <c>__Host-</c> cookies (path /, no domain), so no other
    /// host and no plain-HTTP page can set or read them. The cookie policy middleware enforces the three flags on
    /// every cookie, including any a library adds later; the names are set here.
    /// </summary>
    private static IServiceCollection AddSiteCookies(this IServiceCollection services)
    {
        services.Configure<CookiePolicyOptions>(options =>
        {
            options.Secure = CookieSecurePolicy.Always;
            options.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
            options.MinimumSameSitePolicy = SameSiteMode.Strict;
        });

        // The antiforgery cookie keeps SecurePolicy.None here on purpose: Always makes antiforgery throw on any plain-HTTP
        // request (Development, the browser tests on 127.0.0.1, a proxy whose forwarded scheme is not trusted), and
        // the cookie policy above marks it Secure anyway.
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = AntiforgeryCookieName;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(options =>
        {
            options.Cookie.Name = TempDataCookieName;
            options.Cookie.Path = "/";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        });

        return services;
    }
}
