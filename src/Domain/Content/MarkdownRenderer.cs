using System.Globalization;
using Ganss.Xss;
using Markdig;
using Markdig.Extensions.AutoIdentifiers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace PiriSite.Domain.Content;

/// <summary>A section in the table of contents (an h2), with its subsections (the h3s under it).</summary>
public sealed record TocEntry(string Id, string Text, IReadOnlyList<TocEntry> Children);

public sealed record RenderedMarkdown(string Html, IReadOnlyList<TocEntry> TableOfContents);

/// <summary>
/// Turns staff-written Markdown into HTML that is safe to put on a public page.
/// Build it once and share it: the Markdig pipeline and the sanitizer are thread-safe once configured.
/// </summary>
public sealed class MarkdownRenderer
{
    /// <summary>
    /// Changes whenever the HTML this renderer makes changes (a new extension, another sanitizer rule, image
    /// attributes), so that HTML stored with content is rendered again at the next start.
    /// </summary>
    public const int OutputVersion = 2;

    /// <summary>The width an image in a page's text column is shown at on a wide screen, for the browser's choice of size.</summary>
    public const string ImageSizes = "(min-width: 800px) 760px, 100vw";

    // Links and images may only point at these; javascript:, data:, vbscript: and the rest are removed.
    private static readonly string[] s_allowedSchemes = ["http", "https", "mailto", "tel"];

    private readonly MarkdownPipeline _pipeline;
    private readonly HtmlSanitizer _sanitizer;

    public MarkdownRenderer()
    {
        _pipeline = new MarkdownPipelineBuilder()
            .DisableHtml() // raw HTML in the Markdown is shown as text, never interpreted
            .UseAutoIdentifiers(AutoIdentifierOptions.GitHub)
            .UsePipeTables()
            .UseEmphasisExtras()
            .UseListExtras()
            .UseAutoLinks()
            .Build();

        // Defence in depth: even if a Markdig extension let something through, the sanitizer has the last word.
        _sanitizer = new HtmlSanitizer();
        _sanitizer.AllowedSchemes.Clear();
        foreach (var scheme in s_allowedSchemes)
        {
            _sanitizer.AllowedSchemes.Add(scheme);
        }

        _sanitizer.AllowedAttributes.Add("id");
        // Set by the renderer itself on images (below), from the media library's own data.
        _sanitizer.AllowedAttributes.Add("loading");
        _sanitizer.AllowedAttributes.Add("decoding");
        _sanitizer.AllowedAttributes.Add("srcset");
        _sanitizer.AllowedAttributes.Add("sizes");
        _sanitizer.AllowedAttributes.Remove("style");
        _sanitizer.AllowedAttributes.Remove("class");
    }

    /// <param name="markdown">The staff-written text.</param>
    /// <param name="images">
    /// The media library by URL: an image found there gets its width and height (no layout shift while it loads)
    /// and its smaller sizes as a srcset.
    /// </param>
    public RenderedMarkdown Render(string? markdown, IReadOnlyDictionary<string, MediaFile>? images = null)
    {
        var document = Markdown.Parse(markdown ?? "", _pipeline);
        DescribeImages(document, images);
        var html = _sanitizer.Sanitize(document.ToHtml(_pipeline));
        return new RenderedMarkdown(html, BuildTableOfContents(document));
    }

    // Images come after the page's title and opening text, so they load lazily: only when scrolled near.
    private static void DescribeImages(MarkdownDocument document, IReadOnlyDictionary<string, MediaFile>? images)
    {
        foreach (var image in document.Descendants<LinkInline>().Where(link => link.IsImage))
        {
            var attributes = image.GetAttributes();
            attributes.AddPropertyIfNotExist("loading", "lazy");
            attributes.AddPropertyIfNotExist("decoding", "async");
            if (image.Url is { } url && images is not null && images.TryGetValue(url, out var media) && media.Width > 0)
            {
                attributes.AddPropertyIfNotExist("width", media.Width.ToString(CultureInfo.InvariantCulture));
                attributes.AddPropertyIfNotExist("height", media.Height.ToString(CultureInfo.InvariantCulture));
                if (media.VariantWidths.Count > 0)
                {
                    var candidates = media.VariantWidths.Select(width => $"{media.VariantUrl(width)} {width}w")
                        .Append($"{media.Url} {media.Width}w");
                    attributes.AddPropertyIfNotExist("srcset", string.Join(", ", candidates));
                    attributes.AddPropertyIfNotExist("sizes", ImageSizes);
                }
            }
        }
    }

    // The contents list names the sections (h2) and their subsections (h3); h1 is the page title.
    private static List<TocEntry> BuildTableOfContents(MarkdownDocument document)
    {
        var sections = new List<TocEntry>();
        List<TocEntry>? currentChildren = null;
        foreach (var heading in document.Descendants<HeadingBlock>().Where(h => h.Level is 2 or 3))
        {
            var id = heading.GetAttributes().Id ?? "";
            var text = PlainText(heading.Inline);
            if (id.Length == 0 || text.Length == 0)
            {
                continue;
            }

            if (heading.Level == 3 && currentChildren is not null)
            {
                currentChildren.Add(new TocEntry(id, text, []));
                continue;
            }

            // An h3 before any h2 is listed as a section of its own.
            currentChildren = [];
            sections.Add(new TocEntry(id, text, currentChildren));
        }

        return sections;
    }

    private static string PlainText(ContainerInline? inline)
    {
        if (inline is null)
        {
            return "";
        }

        var parts = inline.Descendants<Inline>().Select(child => child switch
        {
            LiteralInline literal => literal.Content.ToString(),
            CodeInline code => code.Content,
            _ => "",
        });
        return string.Concat(parts).Trim();
    }
}
