using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using SkiaSharp;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>The image library as staff and visitors use it: uploading at /admin/media, serving at /media/NAME.</summary>
public class MediaLibraryTests(SiteFactory factory) : IClassFixture<SiteFactory>
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

    [Fact]
    public async Task AnAltTextErrorKeepsTheImageAndWhatWasTypedAndTheRetryNeedsNoNewFile()
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");
        var rowsBefore = await MediaRowsAsync();
        var tooLong = "A very long description " + new string('x', 300);

        var refused = await client.PostAsync("/admin/media", Upload(page, Png(640, 480), "steps.png", tooLong));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var html = await refused.Content.ReadAsStringAsync();
        // The error is next to its field, in the error style, and the field says so; what was typed is still there.
        Assert.Matches("<p class=\"field-error\" id=\"altText-error\">Keep the alt text to 300 characters or fewer.</p>\\s*<input id=\"altText\"", html);
        Assert.Contains("aria-describedby=\"alt-hint altText-error\"", html, StringComparison.Ordinal);
        Assert.Contains($"value=\"{tooLong}\"", html, StringComparison.Ordinal);
        // The image itself was fine: it is kept for the retry, shown beside the file field, and nothing is stored yet.
        var token = Regex.Match(html, "<input type=\"hidden\" name=\"keptUpload\" value=\"([0-9a-f]{32})\">").Groups[1].Value;
        Assert.NotEmpty(token);
        Assert.Contains("Your image is kept</strong> (640 × 480 pixels", html, StringComparison.Ordinal);
        Assert.Contains("aria-describedby=\"file-hint file-kept\"", html, StringComparison.Ordinal);
        Assert.Equal(rowsBefore, await MediaRowsAsync());
        var preview = await client.GetAsync($"/admin/media/kept/{token}");
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Equal("image/png", preview.Content.Headers.ContentType?.MediaType);

        var retry = await client.PostAsync("/admin/media", Form(html, ("altText", "The courthouse steps"), ("keptUpload", token)));

        Assert.Equal(HttpStatusCode.Redirect, retry.StatusCode);
        var library = await client.GetStringAsync("/admin/media");
        Assert.Matches("alt=\"The courthouse steps\" width=\"640\" height=\"480\"", library);
        Assert.Equal(rowsBefore + 1, await MediaRowsAsync());
        Assert.False(File.Exists(Path.Combine(factory.MediaDirectory, "pending", token)), "the kept image is removed once stored");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/admin/media/kept/{token}")).StatusCode);
    }

    [Fact]
    public async Task AMissingFileIsReportedNextToTheFileFieldAndTheAltTextStays()
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");

        var response = await client.PostAsync("/admin/media", Form(page, ("altText", "The office lobby")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Matches("<p class=\"field-error\" id=\"file-error\">Choose an image file to upload.</p>\\s*<input id=\"file\" name=\"file\" type=\"file\"", html);
        Assert.Matches("<input id=\"file\"[^>]*aria-describedby=\"file-hint file-error\"\\s+aria-invalid=\"true\">", html);
        Assert.Contains("value=\"The office lobby\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("keptUpload", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expired")]
    [InlineData("0123456789abcdef0123456789abcdef")]
    [InlineData("../../site.db")]
    public async Task AKeptImageThatIsGoneOrNeverWasIsAskedForAgain(string token)
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");
        if (token.Contains('/', StringComparison.Ordinal) && !File.Exists(factory.DatabasePath))
        {
            // On PostgreSQL there is no database file beside the media folder: a file stands in for it.
            await File.WriteAllTextAsync(factory.DatabasePath, "not to be deleted");
        }

        if (token == "expired")
        {
            var refused = await (await client.PostAsync("/admin/media", Upload(page, Png(50, 50), "old.png", ""))).Content.ReadAsStringAsync();
            token = Regex.Match(refused, "name=\"keptUpload\" value=\"([0-9a-f]{32})\"").Groups[1].Value;
            File.SetLastWriteTimeUtc(Path.Combine(factory.MediaDirectory, "pending", token), DateTime.UtcNow.AddHours(-2));
        }

        var response = await client.PostAsync("/admin/media", Form(page, ("altText", "Too late"), ("keptUpload", token)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("<p class=\"field-error\" id=\"file-error\">Choose the image again:", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // An expired image is swept away; a token that is a path opens and deletes nothing (the database is still there).
        Assert.Equal(token.Contains('/', StringComparison.Ordinal), File.Exists(Path.Combine(factory.MediaDirectory, "pending", token)));
    }

    [Fact]
    public async Task EachImageHasItsMarkdownInAFieldWithACopyButton()
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/admin/media", Upload(page, Png(300, 200), "copy.png", "Copy [me]"))).StatusCode);

        var html = await client.GetStringAsync("/admin/media");

        var id = Regex.Match(html, "<p class=\"media-alt\" id=\"alt-(\\d+)\">Copy \\[me\\]</p>").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.Matches($"<input id=\"md-{id}\" type=\"text\" readonly value=\"!\\[Copy \\\\\\[me\\\\\\]\\]\\(/media/[0-9a-f]{{32}}\\.png\\)\">", html);
        Assert.Contains($"<button type=\"button\" class=\"btn btn-small\" data-copy=\"#md-{id}\" aria-describedby=\"alt-{id}\" hidden>Copy Markdown</button>", html, StringComparison.Ordinal);
    }

    private async Task<HttpClient> SignInAsync()
    {
        var (staff, key) = await StaffSessions.CreateAsync(factory, $"media.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        return await StaffSessions.SignInAsync(factory, staff.Email!, key);
    }

    private async Task<int> MediaRowsAsync()
    {
        await using var scope = factory.CreateDbScope();
        return await scope.Db.MediaFiles.CountAsync();
    }

    /// <summary>The upload form posted without a file (as a browser does when none is chosen, or on a retry with the kept image).</summary>
    private static MultipartFormDataContent Form(string page, params (string Name, string Value)[] fields)
    {
        var form = new MultipartFormDataContent { { new StringContent(StaffSessions.AntiforgeryToken(page)), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields)
        {
            form.Add(new StringContent(value), name);
        }

        return form;
    }

    /// <summary>The upload form as a browser posts it (the type the browser names is never trusted, so any will do).</summary>
    internal static MultipartFormDataContent Upload(string page, byte[] bytes, string fileName, string alt, string contentType = "image/png")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent
        {
            { new StringContent(StaffSessions.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(alt), "altText" },
            { file, "file", fileName },
        };
    }
}
