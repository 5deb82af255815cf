using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>The editor form as posted and shown again (strings, so nothing typed is lost to a binding error).</summary>
public sealed class ContentEditorForm
{
    public string? Title { get; set; }
    public string? Slug { get; set; }
    public string? Summary { get; set; }
    public string? BodyMarkdown { get; set; }
    public string? SeoTitle { get; set; }
    public string? SeoDescription { get; set; }
    public string? Status { get; set; }
    public string? PublishAt { get; set; }
    public int Version { get; set; }

    public static ContentEditorForm Of(IEditableContent item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return new()
        {
            Title = item.Title,
            Slug = item.Slug,
            Summary = item.Summary,
            BodyMarkdown = item.BodyMarkdown,
            SeoTitle = item.SeoTitle,
            SeoDescription = item.SeoDescription,
            Status = item.Status.ToString(),
            PublishAt = ContentRules.PublishAtText(item.PublishedAt),
            Version = item.Version,
        };
    }

    public ContentSubmission ToSubmission() => new()
    {
        Title = Title,
        Slug = Slug,
        Summary = Summary,
        BodyMarkdown = BodyMarkdown,
        SeoTitle = SeoTitle,
        SeoDescription = SeoDescription,
        Status = Status,
        PublishAt = PublishAt,
    };
}

/// <summary>Which kind of content a screen is about, with the words and addresses that differ between the two.</summary>
public sealed record ContentSection(ContentKind Kind, string AdminPath, string PublicPath, string Plural, string Singular, string TitleLabel);

public sealed record ContentEditorScreen(
    ContentSection Section,
    int? Id,
    ContentEditorForm Form,
    string? Conflict,
    PublicationState? State,
    string? LiveUrl,
    DateTime? ReviewedAt,
    string? ReviewedBy,
    bool CanReview)
{
    public int WordCount => ContentRules.WordCount(Form.BodyMarkdown);
}

public sealed record ContentListScreen(ContentSection Section, IReadOnlyList<ContentListItem> Rows, string? Query, bool ShowDeleted);

public sealed record RevisionsScreen(ContentSection Section, int Id, string Title, IReadOnlyList<RevisionSummary> Revisions);

public sealed record RevisionDiffScreen(ContentSection Section, int Id, RevisionComparison Comparison);
