using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Services.Seo;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>
/// A client cannot make the page cache miss on demand: made-up Accept-Encoding values and other accepted host names
/// share the cached copies (at most one per br, gzip and identity), and the social card is drawn once per version.
/// </summary>
public sealed class CacheKeyTests : IDisposable
{
    private const string PagePath = "/practice-areas";

    private readonly SiteFactory _factory = new(new Dictionary<string, string?> { ["AllowedHosts"] = "pirisite.test" });

    public void Dispose() => _factory.Dispose();

    [Fact]
    public async Task AThousandRandomAcceptEncodingsRenderThePageAtMostThreeTimes()
    {
        var renders = new RenderCounter(PagePath);
        using var app = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(
            services => services.Configure<MvcOptions>(options => options.Filters.Add(renders))));
        using var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });
        var provider = app.Services.GetRequiredService<IResponseCompressionProvider>();

        var random = new Random(11);
        var wrongCoding = new List<string>();
        for (var i = 0; i < 1_000; i++)
        {
            var header = RandomAcceptEncoding(random);
            using var request = new HttpRequestMessage(HttpMethod.Get, PagePath);
            request.Headers.TryAddWithoutValidation("Accept-Encoding", header);
            // Every accepted name shares one copy too: the page names only the public address whatever the Host.
            request.Headers.Host = i % 2 == 0 ? "www.pirisite.test" : "pirisite.test";

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            if (Chosen(provider, header) != (response.Content.Headers.ContentEncoding.SingleOrDefault() ?? AcceptEncoding.Identity))
            {
                wrongCoding.Add(header);
            }
        }

        Assert.InRange(renders.Count, 1, 3);
        // Each visitor still gets the coding ResponseCompression would have chosen from their own header.
        Assert.Empty(wrongCoding);
    }

    [Theory]
    [InlineData("", "identity")]
    [InlineData("br", "br")]
    [InlineData("gzip, deflate, br, zstd", "br")]
    [InlineData("br;q=0, gzip", "gzip")]
    [InlineData("br;q=0, gzip;q=0", "identity")]
    [InlineData("gzip;q=0.5, br;q=0.4", "gzip")]
    [InlineData("identity;q=1, br;q=0.9", "identity")]
    [InlineData("*", "br")]
    [InlineData("gzip;q=0, *", "br")]
    [InlineData("identity;q=0.5, *;q=0.3", "identity")]
    [InlineData("br, x123", "br")]
    [InlineData("br;q=oops", "identity")]
    [InlineData("deflate", "identity")]
    public void TheEncodingIsNormalisedAsResponseCompressionWouldChoose(string header, string expected)
    {
        var provider = _factory.Services.GetRequiredService<IResponseCompressionProvider>();

        Assert.Equal(expected, AcceptEncoding.Normalise(header));
        Assert.Equal(Chosen(provider, header), AcceptEncoding.Normalise(header));
    }

    [Fact]
    public void RandomAcceptEncodingsAreNormalisedAsResponseCompressionWouldChoose()
    {
        var provider = _factory.Services.GetRequiredService<IResponseCompressionProvider>();
        var random = new Random(7);
        for (var i = 0; i < 5_000; i++)
        {
            var header = RandomAcceptEncoding(random);
            Assert.True(Chosen(provider, header) == AcceptEncoding.Normalise(header), header);
        }
    }

    [Fact]
    public async Task TheSocialCardIsDrawnOncePerProfileVersion()
    {
        using var client = _factory.CreateClient();
        var cards = _factory.Services.GetRequiredService<SocialCardCache>();
        var pageCache = _factory.Services.GetRequiredService<PublicPageCache>();
        var random = new Random(3);

        var first = await GetCardsAsync(client, random, 100);
        // An article save empties the page cache; the card has not changed and is not drawn again.
        await _factory.Services.ReloadPublishedContentAsync();
        await pageCache.EvictAllAsync();
        Assert.Equal(first, await GetCardsAsync(client, random, 100));
        Assert.Equal(1, cards.DrawCount);

        // A new profile version with a new phone number: one new card.
        await using (var scope = _factory.CreateDbScope())
        {
            var firm = await scope.Db.FirmProfiles.SingleAsync(f => f.Culture == "en");
            firm.Phone = "(214) 555-0100";
            firm.Version++;
            await scope.Db.SaveChangesAsync();
        }

        await pageCache.EvictAllAsync();
        var second = await GetCardsAsync(client, random, 100);

        Assert.NotEqual(first, second);
        Assert.Equal(2, cards.DrawCount);
    }

    /// <summary>The card's bytes, the same whatever coding each request asked for (PNG is not compressed).</summary>
    private static async Task<byte[]> GetCardsAsync(HttpClient client, Random random, int count)
    {
        byte[]? card = null;
        for (var i = 0; i < count; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/{SocialCard.FileName}");
            request.Headers.TryAddWithoutValidation("Accept-Encoding", RandomAcceptEncoding(random));
            using var response = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            Assert.Equal(card ?? bytes, bytes);
            card = bytes;
        }

        return card!;
    }

    private static string Chosen(IResponseCompressionProvider provider, string header)
    {
        var context = new DefaultHttpContext();
        context.Request.Headers.AcceptEncoding = header;
        return provider.GetCompressionProvider(context)?.EncodingName ?? AcceptEncoding.Identity;
    }

    /// <summary>What an attacker (or an odd client) might send: every value different, many of them well-formed.</summary>
    private static string RandomAcceptEncoding(Random random)
    {
        string[] codings = ["br", "gzip", "identity", "*", "deflate", "zstd", "BR", "Gzip", $"x{random.Next():x}"];
        var parts = new List<string>();
        for (var n = random.Next(1, 5); n > 0; n--)
        {
            var coding = codings[random.Next(codings.Length)];
            parts.Add(random.Next(4) switch
            {
                0 => coding,
                1 => $"{coding};q=0",
                2 => $"{coding};q=0.{random.Next(1, 1000)}",
                _ => $"{coding};q=1",
            });
        }

        parts.Add($"u{random.Next():x}");
        if (random.Next(20) == 0)
        {
            parts.Add("@@not a coding@@");
        }

        return string.Join(", ", parts.OrderBy(_ => random.Next()));
    }

    private sealed class RenderCounter(string path) : IResultFilter
    {
        private int _count;

        public int Count => Volatile.Read(ref _count);

        public void OnResultExecuting(ResultExecutingContext context)
        {
            if (context.HttpContext.Request.Path == path)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnResultExecuted(ResultExecutedContext context)
        {
        }
    }
}
