using System.Runtime.CompilerServices;
using System.Text.Json;

namespace PiriSite.Domain.Content;

/// <summary>
/// Renders content's Markdown to HTML when the content is saved, and reads the stored result back, so a page
/// request never parses or sanitizes Markdown.
/// </summary>
public static class ContentRendering
{
    // Each stored table of contents parsed once: the published content in memory hands every request the same
    // string, and parsing it again on each render took about 5% of rendering an article.
    private static readonly ConditionalWeakTable<string, IReadOnlyList<TocEntry>> s_parsedTables = [];

    public static void RenderBody(this IEditableContent content, MarkdownRenderer renderer, IReadOnlyDictionary<string, MediaFile>? images = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(renderer);
        var rendered = renderer.Render(content.BodyMarkdown, images);
        content.BodyHtml = rendered.Html;
        content.TableOfContentsJson = JsonSerializer.Serialize(rendered.TableOfContents);
        content.RenderVersion = MarkdownRenderer.OutputVersion;
    }

    public static RenderedMarkdown RenderedBody(this IEditableContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        var tableOfContents = string.IsNullOrEmpty(content.TableOfContentsJson)
            ? []
            : s_parsedTables.GetValue(content.TableOfContentsJson, static json => JsonSerializer.Deserialize<List<TocEntry>>(json)?.AsReadOnly() ?? []);
        return new RenderedMarkdown(content.BodyHtml, tableOfContents);
    }

    public static void RenderPages(this FirmProfile firm, MarkdownRenderer renderer, IReadOnlyDictionary<string, MediaFile>? images = null)
    {
        ArgumentNullException.ThrowIfNull(firm);
        ArgumentNullException.ThrowIfNull(renderer);
        firm.AboutHtml = renderer.Render(firm.AboutMarkdown, images).Html;
        firm.DisclaimerHtml = renderer.Render(firm.DisclaimerMarkdown, images).Html;
        firm.PrivacyHtml = renderer.Render(firm.PrivacyMarkdown, images).Html;
        firm.RenderVersion = MarkdownRenderer.OutputVersion;
    }
}
