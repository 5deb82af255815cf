using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Tests.Areas.Admin.Services;

public sealed class ContentEditingServiceTests(AuditFailureSite site) : IClassFixture<AuditFailureSite>
{
    private static ContentSubmission Page(string title, string body = "Text.") =>
        new() { Title = title, Slug = Slug.FromTitle(title), Summary = "Summary.", BodyMarkdown = body, Status = nameof(ContentStatus.Published) };

    private async Task<T> WithServiceAsync<T>(Func<ContentEditingService, Task<T>> use)
    {
        await using var scope = site.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<ContentEditingService>());
    }

    private async Task<(int Id, string Slug)> CreateArticleAsync(string title)
    {
        var outcome = await WithServiceAsync(s => s.SaveAsync<Article>(null, 0, Page(title), AuditFailureSite.Actor));
        Assert.True(outcome.Saved, string.Join(" ", outcome.Errors.Values));
        return (outcome.Id!.Value, outcome.Slug!);
    }

    private Task<Article> StoredAsync(int id) => site.ReadAsync(db => db.Articles.AsNoTracking().SingleAsync(a => a.Id == id));

    [Fact]
    public async Task WhenItsAuditEntryCannotBeWrittenAnEditIsNotSavedEither()
    {
        var (id, slug) = await CreateArticleAsync("Audited Edit");
        site.AuditFails = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() =>
                WithServiceAsync(s => s.SaveAsync<Article>(id, 1, Page("Audited Edit, Renamed", "Changed."), AuditFailureSite.Actor)));
        }
        finally
        {
            site.AuditFails = false;
        }

        var article = await StoredAsync(id);
        Assert.Equal(("Text.", slug, 1), (article.BodyMarkdown, article.Slug, article.Version));
        Assert.Equal(1, await site.ReadAsync(db => db.ContentRevisions.CountAsync(r => r.Kind == ContentKind.Article && r.ContentId == id)));
        Assert.False(await site.ReadAsync(db => db.SlugRedirects.AnyAsync(r => r.OldSlug == slug)));
    }

    [Fact]
    public async Task WhenItsAuditEntryCannotBeWrittenADeletionOrReviewDoesNotHappen()
    {
        var (id, _) = await CreateArticleAsync("Audited Deletion");
        site.AuditFails = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => WithServiceAsync(s => s.SetDeletedAsync<Article>(id, deleted: true, AuditFailureSite.Actor)));
            await Assert.ThrowsAsync<InvalidOperationException>(() => WithServiceAsync(s => s.MarkReviewedAsync(id, 1, AuditFailureSite.Actor)));
        }
        finally
        {
            site.AuditFails = false;
        }

        var article = await StoredAsync(id);
        Assert.Equal((null, null, 1), (article.DeletedAt, article.ReviewedAt, article.Version));
    }

    [Fact]
    public async Task EachSaveIsAuditedWithWhatItDid()
    {
        var (id, _) = await CreateArticleAsync("Audited Publication");

        await WithServiceAsync(s => s.SaveAsync<Article>(id, 1, Page("Audited Publication") with { Status = nameof(ContentStatus.Draft) }, AuditFailureSite.Actor));

        var actions = await site.ReadAsync(db => db.AuditEntries.Where(e => e.Target == "Audited Publication (/audited-publication)").Select(e => e.Action).ToListAsync());
        Assert.Equal(["Article created", "Article unpublished"], actions);
    }

    [Fact]
    public async Task APracticeAreaNameLongerThanItsColumnIsRefused()
    {
        var outcome = await WithServiceAsync(s => s.SaveAsync<PracticeArea>(null, 0, Page(new string('a', 121)), AuditFailureSite.Actor));

        Assert.False(outcome.Saved);
        Assert.Equal("Shorten the title to 120 characters or fewer.", outcome.Errors["Title"]);
    }

    [Fact]
    public async Task SavingAnItemThatIsNotThereSaysSo()
    {
        var outcome = await WithServiceAsync(s => s.SaveAsync<Article>(int.MaxValue, 1, Page("Gone"), AuditFailureSite.Actor));

        Assert.True(outcome.ItemMissing);
        Assert.False(outcome.Saved);
    }

    [Fact]
    public async Task ARefusedSaveCarriesTheItemAsStoredForTheEditor()
    {
        var (id, slug) = await CreateArticleAsync("Stored State");

        var stale = await WithServiceAsync(s => s.SaveAsync<Article>(id, 0, Page("Stored State", "Mine."), AuditFailureSite.Actor));
        var invalid = await WithServiceAsync(s => s.SaveAsync<Article>(id, 1, Page(""), AuditFailureSite.Actor));

        Assert.NotNull(stale.Conflict);
        Assert.Equal(new StoredContent(PublicationState.Published, slug, null, null), stale.Stored);
        Assert.Equal(new StoredContent(PublicationState.Published, slug, null, null), invalid.Stored);
        Assert.False(invalid.ItemMissing);
    }
}
