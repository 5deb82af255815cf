using System.Globalization;
using System.Text.RegularExpressions;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// Mozilla HTTP Observatory's published scoring (v2, developer.mozilla.org/en-US/observatory/docs/tests_and_scoring;
/// httpobs/docs/scoring.md): start at 100, add each test's modifier, and add bonuses only if the score without them
/// is 90 or more. Implemented for what one HTTPS response shows: CSP, cookies, CORS, referrer policy, HSTS (without the
/// preload list), SRI, X-Content-Type-Options, X-Frame-Options and CORP. The redirection test (http:// to https://) is
/// the reverse proxy's, not the app's, and is left out. Session and anti-CSRF cookies are recognised by name, as the
/// Observatory does ("sess"/"login", "csrf"/"xsrf"/"antiforgery").
/// </summary>
public static partial class ObservatoryScore
{
    public sealed record Modifier(string Test, string Result, int Points);

    public sealed record Result(int Score, IReadOnlyList<Modifier> Modifiers)
    {
        public override string ToString() =>
            $"{Score}: " + string.Join("; ", Modifiers.Select(m => string.Create(CultureInfo.InvariantCulture, $"{m.Test} {m.Result} {m.Points:+0;-0;0}")));
    }

    /// <summary>Scores a response; <paramref name="body"/> is its HTML (for SRI), <paramref name="origin"/> the site's.</summary>
    public static Result Score(HttpResponseMessage response, string body, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(response);
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, values) in response.Headers.Concat(response.Content.Headers))
        {
            headers[name] = [.. values];
        }

        return Score(headers, body, origin);
    }

    public static Result Score(IReadOnlyDictionary<string, List<string>> headers, string body, Uri origin)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(origin);
        string? One(string name) => headers.TryGetValue(name, out var values) ? string.Join(", ", values) : null;

        var csp = ParseCsp(One("Content-Security-Policy"));
        var hsts = One("Strict-Transport-Security");
        var contentType = One("Content-Type") ?? "";
        var modifiers = new List<Modifier>
        {
            ContentSecurityPolicy(csp),
            Cookies(headers.TryGetValue("Set-Cookie", out var cookies) ? cookies : [], hsts is not null),
            Cors(One("Access-Control-Allow-Origin"), One("Access-Control-Allow-Credentials")),
            ReferrerPolicy(One("Referrer-Policy")),
            StrictTransportSecurity(hsts),
            SubresourceIntegrity(contentType, body, origin),
            ContentTypeOptions(One("X-Content-Type-Options")),
            FrameOptions(One("X-Frame-Options"), csp),
            ResourcePolicy(One("Cross-Origin-Resource-Policy")),
        };

        var withoutBonus = 100 + modifiers.Where(m => m.Points < 0).Sum(m => m.Points);
        var score = withoutBonus >= 90 ? withoutBonus + modifiers.Where(m => m.Points > 0).Sum(m => m.Points) : withoutBonus;
        return new Result(Math.Max(0, score), modifiers);
    }

    private static Dictionary<string, string[]>? ParseCsp(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var directives = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in header.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var tokens = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A repeated directive is ignored by browsers; the first one counts.
            directives.TryAdd(tokens[0], [.. tokens.Skip(1).Select(t => t.ToLowerInvariant())]);
        }

        return directives;
    }

    private static Modifier ContentSecurityPolicy(Dictionary<string, string[]>? csp)
    {
        const string test = "content-security-policy";
        if (csp is null)
        {
            return new(test, "csp-not-implemented", -25);
        }

        string[] Effective(string directive) =>
            csp.TryGetValue(directive, out var sources) ? sources : csp.TryGetValue("default-src", out var fallback) ? fallback : ["*"];

        var script = Effective("script-src");
        var style = Effective("style-src");
        var objects = Effective("object-src");
        var passive = Effective("img-src").Concat(Effective("media-src")).ToArray();
        // Hashes and nonces make 'unsafe-inline' ignored by browsers; without them, any of these lets inline or arbitrary script run.
        var hasHashOrNonce = script.Any(s => s.StartsWith("'nonce-", StringComparison.Ordinal) || s.StartsWith("'sha", StringComparison.Ordinal));
        bool Insecure(string s) => s is "http:" or "*" || s.StartsWith("http://", StringComparison.Ordinal);

        if ((script.Contains("'unsafe-inline'") && !hasHashOrNonce) || script.Any(s => s is "*" or "http:" or "https:" or "data:"))
        {
            return new(test, "csp-implemented-with-unsafe-inline", -20);
        }

        if (script.Concat(objects).Concat(style).Any(Insecure))
        {
            return new(test, "csp-implemented-with-insecure-scheme", -20);
        }

        if (script.Contains("'unsafe-eval'"))
        {
            return new(test, "csp-implemented-with-unsafe-eval", -10);
        }

        if (passive.Any(Insecure))
        {
            return new(test, "csp-implemented-with-insecure-scheme-in-passive-content-only", -10);
        }

        if (style.Contains("'unsafe-inline'"))
        {
            return new(test, "csp-implemented-with-unsafe-inline-in-style-src-only", 0);
        }

        return csp.TryGetValue("default-src", out var defaults) && defaults is ["'none'"]
            ? new(test, "csp-implemented-with-no-unsafe-default-src-none", 10)
            : new(test, "csp-implemented-with-no-unsafe", 5);
    }

    private static Modifier Cookies(List<string> setCookies, bool hsts)
    {
        const string test = "cookies";
        if (setCookies.Count == 0)
        {
            return new(test, "cookies-not-found", 0);
        }

        var parsed = setCookies.Select(ParseCookie).ToList();
        var worst = new List<Modifier>();
        foreach (var (name, attributes) in parsed)
        {
            var lower = name.ToLowerInvariant();
            var session = lower.Contains("sess", StringComparison.Ordinal) || lower.Contains("login", StringComparison.Ordinal);
            var antiCsrf = lower.Contains("csrf", StringComparison.Ordinal) || lower.Contains("xsrf", StringComparison.Ordinal)
                || lower.Contains("antiforgery", StringComparison.Ordinal);
            attributes.TryGetValue("samesite", out var sameSite);
            if (sameSite is not null && sameSite.ToLowerInvariant() is not ("strict" or "lax" or "none"))
            {
                worst.Add(new(test, "cookies-samesite-flag-invalid", -20));
            }

            if (antiCsrf && sameSite is null)
            {
                worst.Add(new(test, "cookies-anticsrf-without-samesite-flag", -20));
            }

            if (!attributes.ContainsKey("secure"))
            {
                worst.Add(session
                    ? new(test, hsts ? "cookies-session-without-secure-flag-but-protected-by-hsts" : "cookies-session-without-secure-flag", hsts ? -10 : -40)
                    : new(test, hsts ? "cookies-without-secure-flag-but-protected-by-hsts" : "cookies-without-secure-flag", hsts ? -5 : -20));
            }

            if (session && !attributes.ContainsKey("httponly"))
            {
                worst.Add(new(test, "cookies-session-without-httponly-flag", -30));
            }
        }

        if (worst.Count > 0)
        {
            return worst.MinBy(m => m.Points)!;
        }

        return parsed.All(c => c.Attributes.ContainsKey("samesite"))
            ? new(test, "cookies-secure-with-httponly-sessions-and-samesite", 5)
            : new(test, "cookies-secure-with-httponly-sessions", 0);
    }

    public static (string Name, Dictionary<string, string?> Attributes) ParseCookie(string setCookie)
    {
        ArgumentNullException.ThrowIfNull(setCookie);
        var parts = setCookie.Split(';', StringSplitOptions.TrimEntries);
        var attributes = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.Skip(1).Where(p => p.Length > 0))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            attributes[(equals < 0 ? part : part[..equals]).ToLowerInvariant()] = equals < 0 ? null : part[(equals + 1)..];
        }

        return (parts[0][..parts[0].IndexOf('=', StringComparison.Ordinal)], attributes);
    }

    private static Modifier Cors(string? allowOrigin, string? allowCredentials) =>
        allowOrigin is null ? new("cross-origin-resource-sharing", "cross-origin-resource-sharing-not-implemented", 0)
        : allowOrigin.Trim() == "*" ? new("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-public-access", 0)
        // The Observatory asks with a foreign Origin; echoing it back with credentials is universal access.
        : string.Equals(allowCredentials?.Trim(), "true", StringComparison.OrdinalIgnoreCase) && allowOrigin.Contains(ProbeOrigin, StringComparison.OrdinalIgnoreCase)
            ? new("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-universal-access", -50)
            : new("cross-origin-resource-sharing", "cross-origin-resource-sharing-implemented-with-restricted-access", 0);

    /// <summary>The foreign origin to send as <c>Origin</c> when asking for a page, as the Observatory does.</summary>
    public const string ProbeOrigin = "https://http-observatory.security.mozilla.org";

    private static Modifier ReferrerPolicy(string? header)
    {
        const string test = "referrer-policy";
        if (header is null)
        {
            return new(test, "referrer-policy-not-implemented", 0);
        }

        // Browsers use the last value they understand.
        var known = new[] { "no-referrer", "same-origin", "strict-origin", "strict-origin-when-cross-origin", "no-referrer-when-downgrade", "origin", "origin-when-cross-origin", "unsafe-url" };
        var policy = header.Split(',', StringSplitOptions.TrimEntries).Select(v => v.ToLowerInvariant()).LastOrDefault(known.Contains);
        return policy switch
        {
            "no-referrer" or "same-origin" or "strict-origin" or "strict-origin-when-cross-origin" => new(test, "referrer-policy-private", 5),
            "no-referrer-when-downgrade" => new(test, "referrer-policy-no-referrer-when-downgrade", 0),
            "origin" or "origin-when-cross-origin" or "unsafe-url" => new(test, "referrer-policy-unsafe", -5),
            _ => new(test, "referrer-policy-header-invalid", -5),
        };
    }

    private static Modifier StrictTransportSecurity(string? header)
    {
        const string test = "strict-transport-security";
        if (header is null)
        {
            return new(test, "hsts-not-implemented", -20);
        }

        var match = MaxAge().Match(header);
        if (!match.Success)
        {
            return new(test, "hsts-header-invalid", -20);
        }

        return long.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) >= 15_768_000
            ? new(test, "hsts-implemented-max-age-at-least-six-months", 0)
            : new(test, "hsts-implemented-max-age-less-than-six-months", -10);
    }

    private static Modifier SubresourceIntegrity(string contentType, string body, Uri origin)
    {
        const string test = "subresource-integrity";
        if (!contentType.StartsWith("text/html", StringComparison.OrdinalIgnoreCase))
        {
            return new(test, "sri-not-implemented-response-not-html", 0);
        }

        var scripts = ScriptTag().Matches(body).Select(m => m.Value).ToList();
        var external = scripts
            .Select(tag => (Tag: tag, Src: SrcAttribute().Match(tag) is { Success: true } src ? src.Groups[1].Value : null))
            .Where(s => s.Src is not null)
            .Select(s => (s.Tag, Url: new Uri(origin, s.Src!)))
            .ToList();
        if (external.Count == 0)
        {
            return new(test, "sri-not-implemented-but-no-scripts-loaded", 0);
        }

        var allHaveIntegrity = external.All(s => s.Tag.Contains("integrity=", StringComparison.OrdinalIgnoreCase));
        var allSameOrigin = external.All(s => s.Url.Host == origin.Host && s.Url.Scheme == "https");
        var allSecure = external.All(s => s.Url.Scheme == "https");
        return (allHaveIntegrity, allSameOrigin, allSecure) switch
        {
            (true, true, _) => new(test, "sri-implemented-and-all-scripts-loaded-securely", 5),
            (true, false, true) => new(test, "sri-implemented-and-external-scripts-loaded-securely", 5),
            (true, false, false) => new(test, "sri-implemented-but-external-scripts-not-loaded-securely", -20),
            (false, true, _) => new(test, "sri-not-implemented-but-all-scripts-loaded-from-secure-origin", 0),
            (false, false, true) => new(test, "sri-not-implemented-but-external-scripts-loaded-securely", -5),
            (false, false, false) => new(test, "sri-not-implemented-and-external-scripts-not-loaded-securely", -50),
        };
    }

    private static Modifier ContentTypeOptions(string? header) =>
        header is null ? new("x-content-type-options", "x-content-type-options-not-implemented", -5)
        : header.Trim().Equals("nosniff", StringComparison.OrdinalIgnoreCase) ? new("x-content-type-options", "x-content-type-options-nosniff", 0)
        : new("x-content-type-options", "x-content-type-options-header-invalid", -5);

    private static Modifier FrameOptions(string? header, Dictionary<string, string[]>? csp)
    {
        const string test = "x-frame-options";
        if (csp?.TryGetValue("frame-ancestors", out var ancestors) == true && ancestors.Length > 0 && !ancestors.Contains("*"))
        {
            return new(test, "x-frame-options-implemented-via-csp", 5);
        }

        return header?.Trim().ToUpperInvariant() switch
        {
            null => new(test, "x-frame-options-not-implemented", -20),
            "DENY" or "SAMEORIGIN" => new(test, "x-frame-options-sameorigin-or-deny", 0),
            var value when value.StartsWith("ALLOW-FROM ", StringComparison.Ordinal) => new(test, "x-frame-options-allow-from-origin", 0),
            _ => new(test, "x-frame-options-header-invalid", -20),
        };
    }

    private static Modifier ResourcePolicy(string? header) =>
        header?.Trim().ToLowerInvariant() switch
        {
            null => new("cross-origin-resource-policy", "corp-not-implemented", 0),
            "same-site" or "same-origin" => new("cross-origin-resource-policy", "corp-implemented-with-same-origin-or-same-site", 0),
            "cross-origin" => new("cross-origin-resource-policy", "corp-implemented-with-cross-origin", 0),
            _ => new("cross-origin-resource-policy", "corp-header-invalid", -5),
        };

    [GeneratedRegex(@"max-age\s*=\s*""?(\d+)""?", RegexOptions.IgnoreCase)]
    private static partial Regex MaxAge();

    [GeneratedRegex("<script\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();

    [GeneratedRegex("\\ssrc\\s*=\\s*[\"']?([^\"'\\s>]+)", RegexOptions.IgnoreCase)]
    private static partial Regex SrcAttribute();
}
