using System.Globalization;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Security;

namespace PiriSite.Web.Extensions;

public static class IdentityExtensions
{
    /// <summary>The staff sign-in cookie (HTTPS only, this host only).</summary>
    public const string SignInCookieName = "__Host-PiriSite";

    public const string StaffPolicy = "Staff";
    public const string AttorneyPolicy = "Attorney";

    /// <summary>Idle sessions end after this long; every session ends after <see cref="AbsoluteSessionLimit"/>.</summary>
    public static readonly TimeSpan IdleSessionLimit = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan AbsoluteSessionLimit = TimeSpan.FromHours(12);
    private const string SignedInAtKey = "pirisite.signed-in-at";

    public static IHostApplicationBuilder AddSiteIdentity(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName);

        // Accounts: NIST-style passwords, lockout after five failures for fifteen minutes.
        services.AddIdentity<StaffUser, IdentityRole>(options =>
            {
                options.User.RequireUniqueEmail = true;
                options.Password.RequiredLength = PasswordRules.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 1;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
                options.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<SiteDbContext>()
            // Replaces the EF store registered above: the same store, with the two-factor secrets encrypted at rest.
            .AddUserStore<ProtectedUserStore>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<PasswordPolicyValidator>();

        // Two-factor secrets encrypted with Data Protection (see StaffTokenProtector for why not ProtectPersonalData);
        // replacing an authenticator; the same password-hashing time whether or not an account exists.
        services.AddSingleton<StaffTokenProtector>();
        services.AddScoped<TwoFactorEnrolment>();
        services.AddScoped<UnknownAccountPasswordCheck>();

        // The security stamp is checked on every request, so signing out or changing a password ends the
        // account's other sessions at once, not after Identity's default thirty minutes.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = SignInCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            options.Cookie.SameSite = SameSiteMode.Strict;
            options.Cookie.Path = "/";
            options.ExpireTimeSpan = IdleSessionLimit;
            options.SlidingExpiration = true;
            options.LoginPath = "/account/login";
            options.LogoutPath = "/account/logout";
            // A signed-in member of staff asking for an Attorney-only page gets a plain 403 (rendered by the
            // status-code pages), not a redirect that would hide what happened.
            options.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            options.Events.OnSigningIn = context =>
            {
                context.Properties.IsPersistent = false;
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                context.Properties.Items.TryAdd(SignedInAtKey, now.ToString("O", CultureInfo.InvariantCulture));
                return Task.CompletedTask;
            };
            options.Events.OnValidatePrincipal = async context =>
            {
                await SecurityStampValidator.ValidatePrincipalAsync(context);
                if (context.Principal is not null && SessionTooOld(context.Properties, context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow()))
                {
                    context.RejectPrincipal();
                }
            };
        });
        // Identity's other cookies: the half-way sign-in between password and code, and two it only ever deletes
        // here (no external logins, no "remember this browser"), which still go out as expired Set-Cookie headers.
        foreach (var (scheme, name) in new[]
        {
            (IdentityConstants.TwoFactorUserIdScheme, "__Host-PiriSite.TwoFactor"),
            (IdentityConstants.ExternalScheme, "__Host-PiriSite.External"),
            (IdentityConstants.TwoFactorRememberMeScheme, "__Host-PiriSite.Remember"),
        })
        {
            services.Configure<CookieAuthenticationOptions>(scheme, options =>
            {
                options.Cookie.Name = name;
                options.Cookie.HttpOnly = true;
                options.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.Path = "/";
            });
        }

        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicy, policy => policy.RequireRole(StaffRoles.Attorney, StaffRoles.Staff))
            .AddPolicy(AttorneyPolicy, policy => policy.RequireRole(StaffRoles.Attorney));

        return builder;
    }

    /// <summary>Whether staff must set up two-factor sign-in: always, except when turned off in Development.</summary>
    public static bool TwoFactorRequired(SecurityOptions options, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(environment);
        return options.RequireTwoFactor || !environment.IsDevelopment();
    }

    private static bool SessionTooOld(Microsoft.AspNetCore.Authentication.AuthenticationProperties properties, DateTimeOffset now) =>
        !properties.Items.TryGetValue(SignedInAtKey, out var value)
        || !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var signedInAt)
        || now - signedInAt > AbsoluteSessionLimit;
}
