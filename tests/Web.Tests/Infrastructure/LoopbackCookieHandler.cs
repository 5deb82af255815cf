using System.Collections.Concurrent;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// Cookies kept by hand for a client of the real site on http://127.0.0.1. The site's cookies are Secure (__Host-),
/// which .NET's CookieContainer withholds over plain HTTP; browsers treat loopback as a secure context and send them,
/// and so does this handler. Only name and value are kept: enough for the antiforgery and TempData cookies.
/// </summary>
/// Handlers given the same <see cref="ConcurrentDictionary{TKey,TValue}"/> share one cookie jar, as one browser does
/// whichever instance behind a proxy answers.
public sealed class LoopbackCookieHandler(HttpMessageHandler inner, ConcurrentDictionary<string, string>? jar = null) : DelegatingHandler(inner)
{
    private readonly ConcurrentDictionary<string, string> _cookies = jar ?? new(StringComparer.Ordinal);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!_cookies.IsEmpty)
        {
            request.Headers.Add("Cookie", string.Join("; ", _cookies.Select(c => $"{c.Key}={c.Value}")));
        }

        var response = await base.SendAsync(request, cancellationToken);
        if (response.Headers.TryGetValues("Set-Cookie", out var setCookies))
        {
            foreach (var setCookie in setCookies)
            {
                var pair = setCookie.Split(';', 2)[0];
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                var (name, value) = (pair[..equals], pair[(equals + 1)..]);
                var expired = setCookie.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase);
                if (expired || value.Length == 0)
                {
                    _cookies.TryRemove(name, out _);
                }
                else
                {
                    _cookies[name] = value;
                }
            }
        }

        return response;
    }
}
