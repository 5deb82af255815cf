using System.Globalization;
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

    /// <summary>English page: "true" when the change is minor (translations stay up to date).</summary>
    public string? MinorChange { get; set; }

    /// <summary>Translation: the English text version shown beside it, when the translator ticks that it matches.</summary>
    public string? MatchesSourceVersion { get; set; }

    /// <summary>Article: the review-by day (yyyy-MM-dd, as a date input sends it); empty for the default.</summary>
    public string? ReviewBy { get; set; }

    /// <summary>Article: "true" for a fast-moving topic.</summary>
    public string? FastMoving { get; set; }

    /// <summary>Article: the ids of the topics ticked (as posted: strings, so a tampered value cannot break binding).</summary>
    public IList<string> Topics { get; set; } = [];

    /// <summary>Article: "true" when the form showed the topics, so that no box ticked means "no topics", not "not chosen here".</summary>
    public string? TopicsShown { get; set; }

    public int Version { get; set; }

    public static ContentEditorForm Of(IEditableContent item, IReadOnlyList<int>? topics = null)
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
            ReviewBy = (item as Article)?.ReviewBy?.ToString(ReviewCadence.DateFormat, CultureInfo.InvariantCulture),
            FastMoving = item is Article { FastMoving: true } ? "true" : null,
            Topics = [.. (topics ?? []).Select(id => id.ToString(CultureInfo.InvariantCulture))],
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
        MinorChange = MinorChange,
        MatchesSourceVersion = MatchesSourceVersion,
        ReviewBy = ReviewBy,
        FastMoving = FastMoving,
        Topics = TopicsShown == "true" ? [.. Topics] : null,
    };

    public bool HasTopic(int id) => Topics.Contains(id.ToString(CultureInfo.InvariantCulture));
}

/// <summary>Which kind of content a screen is about, with the words and addresses that differ between the two.</summary>
public sealed record ContentSection(ContentKind Kind, string AdminPath, string Plural, string Singular, string TitleLabel)
{
    public static ContentSection Articles { get; } = new(ContentKind.Article, "/admin/articles", "Articles", "article", "Title");

    public static ContentSection PracticeAreas { get; } = new(ContentKind.PracticeArea, "/admin/practice-areas", "Practice areas", "practice area", "Name");

    /// <summary>The public section's address in a language ("/articles", "/es/articulos"): its pages are under it.</summary>
    public string PublicPath(SiteLanguage language) =>
        SitePaths.Section(language, Kind == ContentKind.Article ? SiteSection.Articles : SiteSection.PracticeAreas);
}

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

    /// <summary>The language of the page being edited (English for a new one).</summary>
    public SiteLanguage Language { get; init; } = SiteLanguage.English;

    /// <summary>The page's languages (null for a new page): its English source if it is a translation, and each translation's state.</summary>
    public ContentTranslations? Translations { get; init; }

    public bool IsTranslation => !Language.IsEnglish;

    /// <summary>A translation's English source, shown read-only beside the form.</summary>
    public IEditableContent? Source => Translations?.Source;

    /// <summary>This translation's own state against the English (null on an English page).</summary>
    public TranslationStatus? OwnStatus => Translations?.Statuses.FirstOrDefault(s => s.Id == Id);

    /// <summary>An article's review schedule as stored (null on a practice area: it has none).</summary>
    public ReviewScheduleView? ReviewSchedule { get; init; }

    /// <summary>The topics of the article's language to tick (null on a practice area: it has none).</summary>
    public IReadOnlyList<TopicChoice>? Topics { get; init; }
}

/// <summary>
/// What the editor says of an article's review schedule: the day of its last review (null: its text is not reviewed,
/// so it is due now), its stored review-by day and today, the earliest day staff may choose.
/// </summary>
public sealed record ReviewScheduleView(DateOnly? ReviewedOn, DateOnly? ReviewBy, DateOnly Today)
{
    public static ReviewScheduleView? Of(IEditableContent? item, ContentKind kind, DateTime utcNow) =>
        kind != ContentKind.Article ? null
        : new(item?.ReviewedAt is { } reviewed ? ReviewCadence.FirmDay(reviewed) : null, (item as Article)?.ReviewBy, ReviewCadence.FirmDay(utcNow));

    public string TodayText => Today.ToString(ReviewCadence.DateFormat, CultureInfo.InvariantCulture);

    /// <summary>The review-by day the last review gives, at either cadence.</summary>
    public string DefaultText(bool fastMoving) =>
        ReviewedOn is { } day ? ReviewCadence.DefaultReviewBy(day, fastMoving).ToString("MMM d, yyyy", CultureInfo.InvariantCulture) : "";
}

/// <summary>One page of the English pages of a section (current or deleted), with the search that found them.</summary>
public sealed record ContentListScreen(ContentSection Section, ListPage<ContentListItem> List, string? Query, bool ShowDeleted)
{
    public IReadOnlyList<ContentListItem> Rows => List.Rows;

    /// <summary>This list (its search, current or deleted) on page <paramref name="page"/>.</summary>
    public string Address(int page) =>
        ListPagerViewModel.Address(Section.AdminPath, page, ("q", Query), ("deleted", ShowDeleted ? "true" : null));

    public ListPagerViewModel Pager => ListPagerViewModel.For($"Pages of {Section.Plural.ToLowerInvariant()}", List, Address);
}

/// <summary>One page of an item's history, with the search that found its revisions; <see cref="Latest"/> is the current one.</summary>
public sealed record RevisionsScreen(ContentSection Section, int Id, string Title, ListPage<RevisionSummary> List, int Latest, string? Query)
{
    public IReadOnlyList<RevisionSummary> Revisions => List.Rows;

    public string Address(int page) => ListPagerViewModel.Address($"{Section.AdminPath}/{Id}/revisions", page, ("q", Query));

    public ListPagerViewModel Pager => ListPagerViewModel.For("Pages of the history", List, Address);
}

public sealed record RevisionDiffScreen(ContentSection Section, int Id, RevisionComparison Comparison);

/// <summary>The confirmation pages of the content screens: what a deletion or a restore will do, in the words staff use.</summary>
public static class ContentConfirmations
{
    public static ConfirmationScreen Delete(ContentSection section, IEditableContent item, PublicationState state)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(item);
        var what = item.IsTranslation ? $"{ContentLabels.Language(item.Culture)} translation" : section.Singular;
        var address = SitePaths.ForKind(SiteLanguage.Of(item.Culture), section.Kind, item.Slug);
        return new ConfirmationScreen(
            $"Delete this {what}?",
            [
                state switch
                {
                    PublicationState.Published => $"“{item.Title}” leaves the public site at once: {address} will show “page not found”.",
                    PublicationState.Scheduled => $"“{item.Title}” will not be published at its scheduled time.",
                    _ => $"“{item.Title}” is a draft: nothing changes on the public site.",
                },
                $"It moves to the deleted {section.Plural.ToLowerInvariant()} with its history, and can be restored from there.",
            ],
            $"{section.AdminPath}/{item.Id}/delete",
            [],
            $"Delete this {what}",
            $"{section.AdminPath}/{item.Id}/edit",
            "Keep it");
    }

    public static ConfirmationScreen RestoreRevision(ContentSection section, int id, RevisionRestorePlan plan)
    {
        ArgumentNullException.ThrowIfNull(section);
        ArgumentNullException.ThrowIfNull(plan);
        var revision = plan.Revision;
        var saved = revision.Note == "Original version" ? "the original version, from the site's set-up"
            : $"saved {FirmTimeZone.ToFirmTime(revision.SavedAt).ToString("MMM d, yyyy", CultureInfo.InvariantCulture)} by {revision.SavedBy}";
        List<string> consequences =
        [
            $"The text of revision {revision.Number} ({saved}) replaces the current text of “{plan.Title}”: " +
                $"its {section.TitleLabel.ToLowerInvariant()}, address, summary, text and search fields.",
            plan.IsCurrent
                ? $"Revision {revision.Number} is already the current text: it is saved again, as revision {plan.Latest + 1}."
                : $"The current text stays in the history as revision {plan.Latest}; the restored text is saved as revision {plan.Latest + 1}.",
            plan.Published ? "The page is published: the public sees the restored text at once." : "Whether and when it is published does not change.",
        ];
        if (plan.ReviewTakenOff)
        {
            consequences.Add("The attorney's review is taken off until the attorney reviews the restored text.");
        }

        if (plan.TranslationsFallBehind)
        {
            consequences.Add("Its translations are marked out of date until someone brings them in line with the restored text.");
        }

        return new ConfirmationScreen(
            $"Restore revision {revision.Number}?",
            consequences,
            $"{section.AdminPath}/{id}/revisions/{revision.Number}/restore",
            [],
            $"Restore revision {revision.Number}",
            $"{section.AdminPath}/{id}/revisions",
            "Keep the current text")
        {
            Danger = false,
        };
    }
}
