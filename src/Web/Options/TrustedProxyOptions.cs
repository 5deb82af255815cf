namespace PiriSite.Web.Options;

/// <summary>
/// The reverse proxies whose X-Forwarded-For and X-Forwarded-Proto are believed (section "ForwardedHeaders").
/// None configured means the headers are ignored whoever sends them: the connection's own address is the client's.
/// </summary>
public sealed class TrustedProxyOptions
{
    public const string SectionName = "ForwardedHeaders";

    /// <summary>Proxy addresses, e.g. "10.0.0.2" or "::1".</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Proxy networks in CIDR form, e.g. "172.18.0.0/16" (a Docker network).</summary>
    public List<string> KnownNetworks { get; set; } = [];
}
