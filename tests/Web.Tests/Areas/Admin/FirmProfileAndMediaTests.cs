using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using SkiaSharp;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public class FirmProfileAndMediaTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    // A real PNG: an upload must open in the decoder too, a header alone is refused.
    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }

    [Fact]
    public async Task AnUploadedImageIsStoredUnderARandomNameAndServedSafely()
    {
        var (staff, key) = await StaffSessions.CreateAsync(factory, "media.staff@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, staff.Email!, key);
        var page = await client.GetStringAsync("/admin/media");

        var response = await client.PostAsync("/admin/media", Upload(page, Png(800, 600), "evil<script>.png", "Courthouse steps"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var list = await client.GetStringAsync("/admin/media");
        var url = Regex.Match(list, "src=\"(/media/[0-9a-f]{32}\\.png)\"").Groups[1].Value;
        Assert.NotEmpty(url);
        Assert.Contains("width=\"800\" height=\"600\"", list, StringComparison.Ordinal);
        Assert.Contains($"![Courthouse steps]({url})", WebUtility.HtmlDecode(list), StringComparison.Ordinal);
        Assert.DoesNotContain("evil", list, StringComparison.Ordinal);

        using var visitor = factory.CreateClient();
        var image = await visitor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, image.StatusCode);
        Assert.Equal("image/png", image.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", image.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/media/..%2f..%2fappsettings.json")).StatusCode);
    }

    [Fact]
    public async Task ALargeImageGetsSmallerCopiesThatPagesOfferByScreenWidth()
    {
        var (staff, key) = await StaffSessions.CreateAsync(factory, "media.sizes@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, staff.Email!, key);
        var page = await client.GetStringAsync("/admin/media");
        byte[] photo;
        using (var bitmap = new SKBitmap(2000, 1000))
        {
            bitmap.Erase(SKColors.SteelBlue);
            using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            photo = encoded.ToArray();
        }

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/admin/media", Upload(page, photo, "office.png", "The office"))).StatusCode);

        var url = Regex.Match(await client.GetStringAsync("/admin/media"), "src=\"(/media/[0-9a-f]{32})\\.png\"").Groups[1].Value;
        using var visitor = factory.CreateClient();
        foreach (var width in new[] { 480, 960, 1600 })
        {
            var copy = await visitor.GetAsync($"{url}-{width}.png");
            Assert.Equal(HttpStatusCode.OK, copy.StatusCode);
            using var decoded = SKBitmap.Decode(await copy.Content.ReadAsByteArrayAsync());
            Assert.Equal((width, width / 2), (decoded.Width, decoded.Height));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"{url}-333.png")).StatusCode);

        // A page showing the image offers the copies, with the size reserved and lazy loading.
        var rendered = factory.Services.GetRequiredService<PiriSite.Domain.Content.MarkdownRenderer>();
        await using var scope = factory.CreateDbScope();
        var html = rendered.Render($"![The office]({url}.png)", await PiriSite.Data.MediaLookup.ImagesByUrlAsync(scope.Db)).Html;
        Assert.Contains($"srcset=\"{url}-480.png 480w, {url}-960.png 960w, {url}-1600.png 1600w, {url}.png 2000w\"", html, StringComparison.Ordinal);
        Assert.Contains("width=\"2000\" height=\"1000\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-an-image.png", "<svg onload=alert(1)></svg>", "Photo", "not a JPEG, PNG or WebP image")]
    [InlineData("photo.png", null, "", "Describe the image")]
    public async Task AnUploadThatIsNotAnImageOrHasNoAltTextIsRefused(string fileName, string? content, string alt, string expected)
    {
        var (staff, key) = await StaffSessions.CreateAsync(factory, $"media.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, staff.Email!, key);
        var page = await client.GetStringAsync("/admin/media");
        var bytes = content is null ? Png(10, 10) : System.Text.Encoding.UTF8.GetBytes(content);

        var response = await client.PostAsync("/admin/media", Upload(page, bytes, fileName, alt));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnImageOverFiveMegabytesIsRefused()
    {
        var (staff, key) = await StaffSessions.CreateAsync(factory, "media.big@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, staff.Email!, key);
        var page = await client.GetStringAsync("/admin/media");
        var big = Png(4000, 3000).Concat(new byte[5 * 1024 * 1024]).ToArray();

        var response = await client.PostAsync("/admin/media", Upload(page, big, "big.png", "A big photo"));

        Assert.True(response.StatusCode is HttpStatusCode.UnprocessableEntity or HttpStatusCode.RequestEntityTooLarge, $"answered {(int)response.StatusCode}");
        Assert.DoesNotContain("Exception", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private static MultipartFormDataContent Upload(string page, byte[] bytes, string fileName, string alt)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent
        {
            { new StringContent(StaffSessions.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(alt), "altText" },
            { file, "file", fileName },
        };
    }
}
