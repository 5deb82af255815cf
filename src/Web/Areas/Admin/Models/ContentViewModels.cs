using PiriSite.Domain.Content;

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

    /// <summary>"preview" shows the rendered text without saving; anything else saves.</summary>
    public string? Intent { get; set; }

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
    RenderedMarkdown? Preview,
    string? Conflict,
    PublicationState? State,
    string? LiveUrl,
    DateTime? ReviewedAt,
    string? ReviewedBy,
    bool CanReview)
{
    public int WordCount => ContentRules.WordCount(Form.BodyMarkdown);
}

public sealed record ContentListRow(int Id, string Title, string Slug, PublicationState State, DateTime? PublishedAt, DateTime UpdatedAt, bool Deleted);

public sealed record ContentListScreen(ContentSection Section, IReadOnlyList<ContentListRow> Rows, string? Query, bool ShowDeleted);

public sealed record RevisionRow(int Number, DateTime SavedAt, string SavedBy, string Note);

public sealed record RevisionsScreen(ContentSection Section, int Id, string Title, IReadOnlyList<RevisionRow> Revisions);

public sealed record DiffLine(string Kind, string Text);

public sealed record RevisionDiffScreen(ContentSection Section, int Id, string Title, int From, int To, IReadOnlyList<(string Field, IReadOnlyList<DiffLine> Lines)> Fields);
