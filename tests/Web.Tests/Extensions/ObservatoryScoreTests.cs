using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>The scoring helper itself, on header sets whose published score is known.</summary>
public class ObservatoryScoreTests
{
    private static readonly Uri s_origin = new("https://www.pirisite.test");

    private static Dictionary<string, List<string>> Headers(string csp, params string[] cookies)
    {
        var headers = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Security-Policy"] = [csp],
            ["Strict-Transport-Security"] = ["max-age=31536000; includeSubDomains"],
            ["X-Content-Type-Options"] = ["nosniff"],
            ["Referrer-Policy"] = ["strict-origin-when-cross-origin"],
            ["Content-Type"] = ["text/html; charset=utf-8"],
        };
        if (cookies.Length > 0)
        {
            headers["Set-Cookie"] = [.. cookies];
        }

        return headers;
    }

    [Fact]
    public void DefaultSrcNoneWithFrameAncestorsAndAPrivateReferrerPolicyScores120()
    {
        var result = ObservatoryScore.Score(Headers("default-src 'none'; script-src 'self'; frame-ancestors 'none'"), "<p>hi</p>", s_origin);

        Assert.Equal(120, result.Score);
    }

    [Fact]
    public void DefaultSrcSelfScoresOnly115()
    {
        var result = ObservatoryScore.Score(Headers("default-src 'self'; frame-ancestors 'none'"), "", s_origin);

        Assert.Equal(115, result.Score);
    }

    [Fact]
    public void ACookieWithoutSecureCostsFiveUnderHstsAndRemovesTheCookieBonus()
    {
        var secure = ObservatoryScore.Score(Headers("default-src 'none'; frame-ancestors 'none'", "a=1; path=/; secure; samesite=strict; httponly"), "", s_origin);
        var plain = ObservatoryScore.Score(Headers("default-src 'none'; frame-ancestors 'none'", "a=1; path=/; samesite=strict; httponly"), "", s_origin);

        Assert.Equal(125, secure.Score);
        Assert.Equal(115, plain.Score);
    }

    [Fact]
    public void UnsafeInlineScriptAndNoHstsLoseTheBonuses()
    {
        var headers = Headers("default-src 'none'; script-src 'self' 'unsafe-inline'; frame-ancestors 'none'");
        headers.Remove("Strict-Transport-Security");

        var result = ObservatoryScore.Score(headers, "", s_origin);

        Assert.Equal(60, result.Score);
    }

    [Fact]
    public void AnExternalScriptWithoutIntegrityCostsFive()
    {
        var result = ObservatoryScore.Score(Headers("default-src 'none'; script-src 'self' https://cdn.example; frame-ancestors 'none'"),
            "<script src=\"https://cdn.example/x.js\"></script>", s_origin);

        Assert.Equal(115, result.Score);
    }
}
