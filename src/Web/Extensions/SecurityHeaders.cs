namespace PiriSite.Web.Extensions;

internal static class SecurityHeaders
{
    public static IServiceCollection AddSiteSecurityHeaders(this IServiceCollection services, IHostEnvironment environment)
    {
        var isDevelopment = environment.IsDevelopment();

        services.AddSecurityHeaderPolicies().SetDefaultPolicy(policy =>
        {
            policy.AddContentTypeOptionsNoSniff()
                .AddFrameOptionsDeny()
                .AddReferrerPolicyStrictOriginWhenCrossOrigin()
                .AddCrossOriginOpenerPolicy(coop => coop.SameOrigin())
                .RemoveServerHeader()
                .AddPermissionsPolicy(permissions =>
                {
                    permissions.AddCamera().None();
                    permissions.AddMicrophone().None();
                    permissions.AddGeolocation().None();
                    permissions.AddPayment().None();
                })
                // Everything the site needs comes from itself: no inline script, no third-party code.
                .AddContentSecurityPolicy(csp =>
                {
                    csp.AddDefaultSrc().Self();
                    csp.AddScriptSrc().Self();
                    csp.AddStyleSrc().Self();
                    csp.AddImgSrc().Self();
                    csp.AddFontSrc().Self();
                    csp.AddConnectSrc().Self();
                    csp.AddObjectSrc().None();
                    csp.AddBaseUri().Self();
                    csp.AddFormAction().Self();
                    csp.AddFrameAncestors().None();
                });

            // HSTS pins browsers to HTTPS for a year; in Development it would break plain-HTTP localhost.
            if (!isDevelopment)
            {
                policy.AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 60 * 60 * 24 * 365);
            }
        });

        return services;
    }
}
