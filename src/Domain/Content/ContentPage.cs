namespace PiriSite.Domain.Content;

/// <summary>
/// What an article and a practice area both are: a page in one language with an address, a Markdown body
/// rendered when saved, search-engine texts, a publication state and a version. Each adds its own title (an
/// article's Title, a practice area's Name: the columns differ) and its own limits.
/// </summary>
public abstract class ContentPage
{
    public const int SummaryMaxLength = 500;
    public const int SeoTitleMaxLength = 70;
    public const int SeoDescriptionMaxLength = 160;
    public const int ReviewerMaxLength = 120;

    public int Id { get; set; }

    /// <summary>
    /// The language-independent identity of the page: its Spanish and French versions share it.
    /// It never changes, so seeding and translations can find the page even after its slug is edited.
    /// </summary>
    public required string TranslationKey { get; set; }

    public string Culture { get; set; } = SiteCulture.English;

    public required string Slug { get; set; }

    public string Summary { get; set; } = "";

    public string BodyMarkdown { get; set; } = "";

    public string BodyHtml { get; set; } = "";

    public string TableOfContentsJson { get; set; } = "[]";

    public int RenderVersion { get; set; }

    public ContentStatus Status { get; set; } = ContentStatus.Draft;

    /// <summary>When the page goes (or went) public; null means as soon as it is published.</summary>
    public DateTime? PublishedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public string? SeoTitle { get; set; }

    public string? SeoDescription { get; set; }

    public int Version { get; set; }

    public DateTime? DeletedAt { get; set; }

    /// <summary>
    /// When the attorney last confirmed this text (an article's accuracy, shown on its public page; a translation's
    /// faithfulness). Null again once the text changes (<see cref="ContentRules.ChangesReviewedText"/>): the site
    /// never vouches for words the attorney has not read. Seeded translations start unreviewed.
    /// </summary>
    public DateTime? ReviewedAt { get; set; }

    public string? ReviewedBy { get; set; }

    /// <summary>
    /// Counts the changes of substance to the title, summary or body (a fix the editor marks as minor does not
    /// count). On an English page it is what translations are measured against.
    /// </summary>
    public int TextVersion { get; set; } = 1;

    /// <summary>On a translation: the English page's <see cref="TextVersion"/> it was last brought in line with.</summary>
    public int? SourceTextVersion { get; set; }

    public bool IsTranslation => Culture != SiteCulture.English;

    /// <summary>A translation whose English source has changed in substance since it was last brought in line.</summary>
    public bool IsOutOfDateWith(ContentPage source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return IsOutOfDate(IsTranslation, SourceTextVersion, source.TextVersion);
    }

    /// <summary>The same rule from the columns alone (lists read them without the page's text).</summary>
    public static bool IsOutOfDate(bool isTranslation, int? sourceTextVersion, int englishTextVersion) =>
        isTranslation && (sourceTextVersion ?? 0) < englishTextVersion;

    /// <summary>
    /// Records a change of substance to an English page (its translations are behind it from now on); a translation
    /// has no translations of its own, so its count stays.
    /// </summary>
    public void CountTextChange()
    {
        if (!IsTranslation)
        {
            TextVersion++;
        }
    }

    /// <summary>
    /// The translator confirms that this translation says what the English text of <paramref name="shownSourceVersion"/>
    /// says: the version they had beside it on screen, not whatever the English is now (it may have changed since they
    /// opened the page). False, and nothing changes, for an English page or a version the source never had.
    /// </summary>
    public bool BringInLineWith(ContentPage source, int shownSourceVersion)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (!IsTranslation || source.IsTranslation || source.TranslationKey != TranslationKey
            || shownSourceVersion < 1 || shownSourceVersion > source.TextVersion)
        {
            return false;
        }

        SourceTextVersion = Math.Max(SourceTextVersion ?? 0, shownSourceVersion);
        return true;
    }

    public virtual void MarkReviewed(DateTime utcNow, string attorney)
    {
        ReviewedAt = utcNow;
        ReviewedBy = attorney;
    }

    /// <summary>Takes the review away (the text changed at <paramref name="changedAt"/>); true when there was one.</summary>
    public virtual bool WithdrawReview(DateTime changedAt)
    {
        var hadReview = ReviewedAt is not null;
        ReviewedAt = null;
        ReviewedBy = null;
        return hadReview;
    }

    /// <summary>The text for the page's &lt;title&gt;: the SEO title when staff wrote one.</summary>
    public string PageTitle => string.IsNullOrWhiteSpace(SeoTitle) ? Heading : SeoTitle;

    public string PageDescription => string.IsNullOrWhiteSpace(SeoDescription) ? Summary : SeoDescription;

    // The article's title or the practice area's name; read-only here so that no second column is mapped.
    protected abstract string Heading { get; }
}
