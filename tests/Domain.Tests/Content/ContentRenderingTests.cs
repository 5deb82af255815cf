using AngleSharp.Html.Parser;
using PiriSite.Domain.Content;

namespace PiriSite.Domain.Tests.Content;

public class ContentRenderingTests
{
    private readonly MarkdownRenderer _renderer = new();

    [Fact]
    public void TheBodyIsRenderedOnceAndReadBackWithItsTableOfContents()
    {
        var article = new Article { TranslationKey = "a", Title = "A", Slug = "a", BodyMarkdown = "## First\n\nText.\n\n### Detail\n\n## Second" };

        article.RenderBody(_renderer);
        var stored = article.RenderedBody();

        Assert.Equal(_renderer.Render(article.BodyMarkdown).Html, article.BodyHtml);
        Assert.Equal(MarkdownRenderer.OutputVersion, article.RenderVersion);
        Assert.Equal(["first", "second"], stored.TableOfContents.Select(e => e.Id));
        Assert.Equal("detail", Assert.Single(stored.TableOfContents[0].Children).Id);
    }

    [Fact]
    public void AnEditedBodyReadsBackWithItsNewTableOfContentsNotTheOneParsedBefore()
    {
        var article = new Article { TranslationKey = "a", Title = "A", Slug = "a", BodyMarkdown = "## Before" };
        article.RenderBody(_renderer);
        Assert.Equal("before", Assert.Single(article.RenderedBody().TableOfContents).Id);

        article.BodyMarkdown = "## After\n\n## Also after";
        article.RenderBody(_renderer);

        Assert.Equal(["after", "also-after"], article.RenderedBody().TableOfContents.Select(e => e.Id));
    }

    [Fact]
    public void ContentNeverRenderedReadsAsEmptyRatherThanFailing()
    {
        var area = new PracticeArea { TranslationKey = "x", Name = "X", Slug = "x", TableOfContentsJson = "" };

        Assert.Empty(area.RenderedBody().TableOfContents);
    }

    [Fact]
    public void TheFirmsPagesAreRenderedTogether()
    {
        var firm = new FirmProfile { FirmName = "F", AttorneyName = "A", Phone = "(833) 600-0029", AboutMarkdown = "**About**", DisclaimerMarkdown = "Not advice.", PrivacyMarkdown = "[Call](tel:+18336000029)" };

        firm.RenderPages(_renderer);

        Assert.Contains("<strong>About</strong>", firm.AboutHtml, StringComparison.Ordinal);
        Assert.Contains("Not advice.", firm.DisclaimerHtml, StringComparison.Ordinal);
        Assert.Contains("href=\"tel:+18336000029\"", firm.PrivacyHtml, StringComparison.Ordinal);
        Assert.Equal(MarkdownRenderer.OutputVersion, firm.RenderVersion);
    }

    [Fact]
    public void ALibraryImageGetsItsSizeItsSmallerCopiesAndLoadsLazily()
    {
        var photo = new MediaFile { StoredName = new string('a', 32) + ".jpg", ContentType = "image/jpeg", AltText = "Office", Width = 2000, Height = 1000, Variants = "480,960" };
        var images = new Dictionary<string, MediaFile> { [photo.Url] = photo };

        var html = _renderer.Render($"Text.\n\n{photo.Markdown}", images).Html;
        var image = new HtmlParser().ParseDocument(html).QuerySelector("img")!;

        Assert.Equal("2000", image.GetAttribute("width"));
        Assert.Equal("1000", image.GetAttribute("height"));
        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Equal("async", image.GetAttribute("decoding"));
        Assert.Equal($"/media/{new string('a', 32)}-480.jpg 480w, /media/{new string('a', 32)}-960.jpg 960w, {photo.Url} 2000w", image.GetAttribute("srcset"));
        Assert.Equal(MarkdownRenderer.ImageSizes, image.GetAttribute("sizes"));
        Assert.Equal("Office", image.GetAttribute("alt"));
    }

    [Fact]
    public void AnImageFromElsewhereStillLoadsLazilyButGetsNoInventedSize()
    {
        var html = _renderer.Render("![Map](https://example.com/map.png)").Html;
        var image = new HtmlParser().ParseDocument(html).QuerySelector("img")!;

        Assert.Equal("lazy", image.GetAttribute("loading"));
        Assert.Null(image.GetAttribute("width"));
        Assert.Null(image.GetAttribute("srcset"));
    }
}
