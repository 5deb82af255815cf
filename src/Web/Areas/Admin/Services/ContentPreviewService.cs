namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>A page as staff preview it: the item and its rendered body, and what the public template shows beside it.</summary>
public sealed record ContentPreview<T>(T Item, RenderedMarkdown Body, bool IsPublic, FirmProfile Firm) where T : IEditableContent;

/// <summary>
/// Reads what the staff preview shows in the public template: a saved article or practice area whatever its state,
/// or the editor's unsaved text, rendered as a save renders it (images with their sizes), beside the firm profile in
/// the item's language (read here, not from the published copy: a preview is of what is stored). Never writes anything.
/// </summary>
public sealed class ContentPreviewService(
    SiteDbContext db,
    MarkdownRenderer markdown,
    TimeProvider clock)
{
    /// <summary>A saved item, draft, scheduled, published or deleted; null when there is none with that id.</summary>
    public async Task<ContentPreview<T>?> SavedAsync<T>(int id, CancellationToken cancellationToken = default)
        where T : class, IEditableContent
    {
        var item = await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return item is null ? null : await PreviewAsync(item, item.RenderedBody(), cancellationToken);
    }

    /// <summary>
    /// The editor's text as it would look once saved, over the saved item when <paramref name="id"/> names one
    /// (its author, dates and review stay); null when <paramref name="id"/> names none. Nothing is validated or
    /// stored: the text is shown as typed, and the renderer makes it safe as it does on save.
    /// </summary>
    public async Task<ContentPreview<T>?> UnsavedAsync<T>(int? id, ContentSubmission submission, CancellationToken cancellationToken = default)
        where T : class, IEditableContent
    {
        ArgumentNullException.ThrowIfNull(submission);
        var item = id is { } existing
            ? await db.Set<T>().AsNoTracking().SingleOrDefaultAsync(c => c.Id == existing, cancellationToken)
            : New<T>();
        if (item is null)
        {
            return null;
        }

        // Detached (AsNoTracking or new): these changes never reach the database.
        item.Title = submission.Title?.Trim() ?? "";
        item.Slug = submission.Slug?.Trim() ?? "";
        item.Summary = submission.Summary?.Trim() ?? "";
        item.BodyMarkdown = submission.BodyMarkdown ?? "";
        item.SeoTitle = submission.SeoTitle?.Trim();
        item.SeoDescription = submission.SeoDescription?.Trim();
        item.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var body = markdown.Render(item.BodyMarkdown, await db.ImagesByUrlAsync(cancellationToken));
        return await PreviewAsync(item, body, cancellationToken) with { IsPublic = false };
    }

    private static T New<T>() where T : class, IEditableContent =>
        (T)(typeof(T) == typeof(Article)
            ? new Article { TranslationKey = "", Title = "", Slug = "" }
            : (IEditableContent)new PracticeArea { TranslationKey = "", Name = "", Slug = "" });

    private async Task<ContentPreview<T>> PreviewAsync<T>(T item, RenderedMarkdown body, CancellationToken cancellationToken)
        where T : IEditableContent
    {
        var profiles = await db.FirmProfiles.AsNoTracking()
            .Where(f => f.Culture == item.Culture || f.Culture == SiteCulture.English).ToListAsync(cancellationToken);
        var firm = profiles.FirstOrDefault(f => f.Culture == item.Culture) ?? profiles.Single(f => f.Culture == SiteCulture.English);
        return new(item, body, item.StateAt(clock.GetUtcNow().UtcDateTime) == PublicationState.Published && item.DeletedAt is null, firm);
    }
}
