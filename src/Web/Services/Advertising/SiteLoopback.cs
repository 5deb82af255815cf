using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace PiriSite.Web.Services.Advertising;

/// <summary>
/// Where the site can reach itself: the running server's own address on loopback (a wildcard binding such as
/// http://+:8080 or http://[::]:8080 becomes 127.0.0.1), plain HTTP preferred. The requests still carry the public
/// address's Host, the only one host filtering lets through, so the pages are the ones the public is served.
/// </summary>
public static class SiteLoopback
{
    /// <summary>The named client that fetches the site's own pages (see AddAdvertisingArchive).</summary>
    public const string ClientName = "AdvertisingCapture";

    /// <summary>Sets up the named client: to this server, as the public address, without following redirects.</summary>
    public static void Configure(IServiceProvider services, HttpClient client)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(client);
        var site = services.GetRequiredService<IOptions<SiteOptions>>().Value;
        client.BaseAddress = Origin(services.GetRequiredService<IServer>(), site);
        client.DefaultRequestHeaders.Host = new Uri(site.PublicOrigin).Authority;
        client.Timeout = TimeSpan.FromSeconds(30);
    }

    /// <summary>
    /// The origin to send requests to. A server that lists no address (the in-memory test server, whose handler
    /// needs none) gets the public origin itself.
    /// </summary>
    public static Uri Origin(IServer server, SiteOptions site)
    {
        ArgumentNullException.ThrowIfNull(server);
        ArgumentNullException.ThrowIfNull(site);
        var bindings = (server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [])
            .Select(BindingAddress.Parse)
            .Where(b => !b.IsUnixPipe)
            .OrderBy(b => b.Scheme == Uri.UriSchemeHttp ? 0 : 1)
            .ToList();
        if (bindings.Count == 0)
        {
            return new Uri(site.PublicOrigin + "/");
        }

        var binding = bindings[0];
        var host = binding.Host switch
        {
            "+" or "*" or "0.0.0.0" or "[::]" or "::" or "localhost" => "127.0.0.1",
            var specific => specific,
        };
        return new Uri($"{binding.Scheme}://{host}:{binding.Port}/");
    }
}
