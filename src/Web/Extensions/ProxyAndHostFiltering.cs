using System.Net;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.HttpOverrides;

namespace PiriSite.Web.Extensions;

/// <summary>
/// Which Host names the site answers (its public address's, plus any listed in AllowedHosts), and whose
/// X-Forwarded-* headers it believes (only the configured proxies').
/// </summary>
internal static partial class ProxyAndHostFiltering
{
    public static IServiceCollection AddPublicAddressAndProxies(this IServiceCollection services)
    {
        services.AddOptions<SiteOptions>().BindConfiguration(SiteOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<SiteOptions>, SiteOptionsValidator>();
        services.AddSingleton<SiteInstance>();
        services.AddOptions<TrustedProxyOptions>().BindConfiguration(TrustedProxyOptions.SectionName)
            .Validate(options => TryParse(options, out _, out _), "ForwardedHeaders:KnownProxies must hold IP addresses and "
                + "ForwardedHeaders:KnownNetworks networks in CIDR form (e.g. 172.18.0.0/16).")
            .ValidateOnStart();

        // The host's defaults (WebApplication.CreateBuilder) already run host filtering first in the pipeline and
        // read AllowedHosts; this runs after their PostConfigure. "*" (appsettings.json) becomes the public
        // address's host alone; explicitly listed hosts are kept beside it. Any other Host gets 400.
        services.AddSingleton<IPostConfigureOptions<HostFilteringOptions>, AllowedHostsFromPublicUrl>();

        // Also after the host's defaults: ASPNETCORE_FORWARDEDHEADERS_ENABLED=true makes them believe X-Forwarded-*
        // from any caller (no known proxies means "trust all" to the middleware); this replaces that trust with the
        // configured proxies, and with nothing at all when none are configured.
        services.AddSingleton<IPostConfigureOptions<ForwardedHeadersOptions>, ForwardedHeadersFromTrustedProxies>();
        return services;
    }

    /// <summary>First in the pipeline: everything after it (rate limits, the audit log) sees the real client.</summary>
    public static WebApplication UseTrustedForwardedHeaders(this WebApplication app)
    {
        app.UseForwardedHeaders();
        return app;
    }

    internal static bool TryParse(TrustedProxyOptions options, out List<IPAddress> proxies, out List<System.Net.IPNetwork> networks)
    {
        proxies = [];
        networks = [];
        foreach (var proxy in options.KnownProxies)
        {
            if (!IPAddress.TryParse(proxy.Trim(), out var address))
            {
                return false;
            }

            proxies.Add(address);
        }

        foreach (var network in options.KnownNetworks)
        {
            if (!System.Net.IPNetwork.TryParse(network.Trim(), out var parsed))
            {
                return false;
            }

            networks.Add(parsed);
        }

        return true;
    }

    private sealed class AllowedHostsFromPublicUrl(IOptions<SiteOptions> site) : IPostConfigureOptions<HostFilteringOptions>
    {
        public void PostConfigure(string? name, HostFilteringOptions options)
        {
            var publicHost = SiteOptionsValidator.Parse(site.Value).Host;
            var listed = options.AllowedHosts.Where(host => host != "*" && !string.IsNullOrWhiteSpace(host));
            options.AllowedHosts = [.. listed.Append(publicHost).Distinct(StringComparer.OrdinalIgnoreCase)];
        }
    }

    private sealed partial class ForwardedHeadersFromTrustedProxies(
        IOptions<TrustedProxyOptions> trusted, IConfiguration configuration, ILogger<TrustedProxyOptions> logger) : IPostConfigureOptions<ForwardedHeadersOptions>
    {
        public void PostConfigure(string? name, ForwardedHeadersOptions options)
        {
            // The host's own switch, read from ASPNETCORE_FORWARDEDHEADERS_ENABLED: say plainly that it is overridden.
            if (string.Equals(configuration["ForwardedHeaders_Enabled"], "true", StringComparison.OrdinalIgnoreCase))
            {
                LogHostSwitchOverridden(logger);
            }

            // Validated at start (ValidateOnStart above), so nothing is dropped here.
            _ = TryParse(trusted.Value, out var proxies, out var networks);
            // The defaults trust loopback; nothing is trusted unless configured (a proxy on the same machine is
            // configured as 127.0.0.1 or ::1 like any other).
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
#pragma warning disable ASPDEPR005 // The old list still holds the loopback default, and the middleware may read it.
            options.KnownNetworks.Clear();
#pragma warning restore ASPDEPR005
            proxies.ForEach(options.KnownProxies.Add);
            networks.ForEach(options.KnownIPNetworks.Add);
            options.ForwardedHeaders = proxies.Count + networks.Count > 0
                ? ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto
                : ForwardedHeaders.None;
            // Through a chain of configured proxies (a CDN, then nginx) to the first address that is not one of
            // them; an address a client wrote into the header itself is never reached past an untrusted hop.
            options.ForwardLimit = null;
        }

        [LoggerMessage(Level = LogLevel.Warning, Message = "ASPNETCORE_FORWARDEDHEADERS_ENABLED is set but not used: X-Forwarded-* headers are believed only from ForwardedHeaders:KnownProxies and ForwardedHeaders:KnownNetworks")]
        private static partial void LogHostSwitchOverridden(ILogger logger);
    }
}
