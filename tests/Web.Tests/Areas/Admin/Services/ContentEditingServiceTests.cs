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
            await Assert.ThrowsAsync<InvalidOperationException>(() => WithServiceAsync(s => s.MarkReviewedAsync<Article>(id, 1, AuditFailureSite.Actor)));
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

    private Task<T> FindAsync<T>(int id) where T : ContentPage => site.ReadAsync(db => db.Set<T>().AsNoTracking().SingleAsync(c => c.Id == id));

    private async Task<int> TranslateAsync<T>(int englishId, string culture) where T : class, IEditableContent
    {
        var outcome = await WithServiceAsync(s => s.AddTranslationAsync<T>(englishId, culture, AuditFailureSite.Actor));
        Assert.True(outcome.Saved, string.Join(" ", outcome.Errors.Values));
        return outcome.Id!.Value;
    }

    // The editor's form for a stored item, with the changes a test makes.
    private static ContentSubmission Form(IEditableContent item) => new()
    {
        Title = item.Title, Slug = item.Slug, Summary = item.Summary, BodyMarkdown = item.BodyMarkdown, Status = item.Status.ToString(),
        PublishAt = ContentRules.PublishAtText(item.PublishedAt),
    };

    [Fact]
    public async Task AddingATranslationMakesADraftHoldingTheEnglishTextInStepWithIt()
    {
        var (id, slug) = await CreateArticleAsync("Translated Deadlines");

        var spanishId = await TranslateAsync<Article>(id, SiteCulture.Spanish);
        var again = await WithServiceAsync(s => s.AddTranslationAsync<Article>(id, SiteCulture.Spanish, AuditFailureSite.Actor));

        var english = await FindAsync<Article>(id);
        var spanish = await FindAsync<Article>(spanishId);
        Assert.Equal(spanishId, again.Id);
        Assert.Equal(
            (SiteCulture.Spanish, english.TranslationKey, ContentStatus.Draft, english.Title, english.BodyMarkdown, slug, (int?)english.TextVersion, (DateTime?)null),
            (spanish.Culture, spanish.TranslationKey, spanish.Status, spanish.Title, spanish.BodyMarkdown, spanish.Slug, spanish.SourceTextVersion, spanish.ReviewedAt));
        Assert.False(spanish.IsOutOfDateWith(english));
        Assert.Equal(1, await site.ReadAsync(db => db.ContentRevisions.CountAsync(r => r.Kind == ContentKind.Article && r.ContentId == spanishId)));
        Assert.True(await site.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Article translation (Spanish) created" && e.Target == $"Translated Deadlines (/es/{slug})")));
    }

    [Fact]
    public async Task ATranslationOnlyOfAnEnglishPageAndOnlyInASiteLanguageCanBeAdded()
    {
        var (id, _) = await CreateArticleAsync("Untranslatable");
        var spanishId = await TranslateAsync<Article>(id, SiteCulture.Spanish);

        Assert.True((await WithServiceAsync(s => s.AddTranslationAsync<Article>(id, "de", AuditFailureSite.Actor))).ItemMissing);
        Assert.True((await WithServiceAsync(s => s.AddTranslationAsync<Article>(id, SiteCulture.English, AuditFailureSite.Actor))).ItemMissing);
        Assert.True((await WithServiceAsync(s => s.AddTranslationAsync<Article>(spanishId, SiteCulture.French, AuditFailureSite.Actor))).ItemMissing);
    }

    [Fact]
    public async Task AChangeOfSubstanceToTheEnglishPutsItsTranslationsOutOfDateAndAMinorOneDoesNot()
    {
        var (id, _) = await CreateArticleAsync("Changing Rules");
        var frenchId = await TranslateAsync<Article>(id, SiteCulture.French);

        var english = await FindAsync<Article>(id);
        await WithServiceAsync(s => s.SaveAsync<Article>(id, english.Version, Form(english) with { BodyMarkdown = "Text, corrected.", MinorChange = "true" }, AuditFailureSite.Actor));
        english = await FindAsync<Article>(id);
        Assert.Equal(1, english.TextVersion);
        Assert.False((await FindAsync<Article>(frenchId)).IsOutOfDateWith(english));

        await WithServiceAsync(s => s.SaveAsync<Article>(id, english.Version, Form(english) with { BodyMarkdown = "The rule changed in March." }, AuditFailureSite.Actor));
        english = await FindAsync<Article>(id);
        var french = await FindAsync<Article>(frenchId);
        Assert.Equal(2, english.TextVersion);
        Assert.True(french.IsOutOfDateWith(english));

        // Saving the translation without the box leaves it behind; with the version shown beside it, it is in step.
        await WithServiceAsync(s => s.SaveAsync<Article>(frenchId, french.Version, Form(french) with { BodyMarkdown = "La règle a changé." }, AuditFailureSite.Actor));
        french = await FindAsync<Article>(frenchId);
        Assert.True(french.IsOutOfDateWith(english));
        await WithServiceAsync(s => s.SaveAsync<Article>(frenchId, french.Version, Form(french) with { MatchesSourceVersion = "2" }, AuditFailureSite.Actor));
        french = await FindAsync<Article>(frenchId);
        Assert.Equal(2, french.SourceTextVersion);
        Assert.False(french.IsOutOfDateWith(english));
        Assert.Equal(1, (await FindAsync<Article>(frenchId)).TextVersion);
    }

    [Fact]
    public async Task ATranslationCannotBePublishedWhileItsLanguagesProfileLacksALegalTextButCanBeSavedAsADraft()
    {
        var (id, _) = await CreateArticleAsync("Legal Texts First");
        var frenchId = await TranslateAsync<Article>(id, SiteCulture.French);
        var notice = await SetFrenchNoticeAsync("  ");
        try
        {
            var french = await FindAsync<Article>(frenchId);
            var refused = await WithServiceAsync(s => s.SaveAsync<Article>(frenchId, french.Version, Form(french) with { Status = nameof(ContentStatus.Published) }, AuditFailureSite.Actor));
            var draft = await WithServiceAsync(s => s.SaveAsync<Article>(frenchId, french.Version, Form(french) with { Title = "Les textes juridiques d'abord" }, AuditFailureSite.Actor));

            Assert.False(refused.Saved);
            Assert.Equal(
                "Not published: the French firm profile lacks the general information notice, which every French page shows. " +
                "The attorney adds it in the firm profile's French version (/admin/firm?culture=fr); until then, save this translation as a draft.",
                refused.Errors["Status"]);
            Assert.True(draft.Saved);
            Assert.Equal(ContentStatus.Draft, (await FindAsync<Article>(frenchId)).Status);
        }
        finally
        {
            await SetFrenchNoticeAsync(notice);
        }

        var restored = await FindAsync<Article>(frenchId);
        var published = await WithServiceAsync(s => s.SaveAsync<Article>(frenchId, restored.Version, Form(restored) with { Status = nameof(ContentStatus.Published) }, AuditFailureSite.Actor));
        Assert.True(published.Saved);
    }

    [Fact]
    public async Task SlugsAreUniqueAndRedirectedWithinTheirOwnLanguage()
    {
        var (id, slug) = await CreateArticleAsync("Bond Basics");
        var spanishId = await TranslateAsync<Article>(id, SiteCulture.Spanish);
        var spanish = await FindAsync<Article>(spanishId);

        var renamed = await WithServiceAsync(s => s.SaveAsync<Article>(spanishId, spanish.Version, Form(spanish) with { Slug = "fianzas-basicas" }, AuditFailureSite.Actor));

        Assert.True(renamed.Saved);
        Assert.Equal(SiteCulture.Spanish, renamed.Culture);
        var redirect = await site.ReadAsync(db => db.SlugRedirects.SingleAsync(r => r.ContentId == spanishId));
        Assert.Equal((SiteCulture.Spanish, slug), (redirect.Culture, redirect.OldSlug));
        // The English page keeps its address; the old Spanish address now redirects, in Spanish only.
        Assert.Equal(slug, (await FindAsync<Article>(id)).Slug);
        Assert.False(await site.ReadAsync(db => db.SlugRedirects.AnyAsync(r => r.ContentId == id)));
    }

    [Fact]
    public async Task TheAttorneyReviewsAPracticeAreaOrATranslationAsAnArticleAndAChangeToItsTextTakesTheReviewOff()
    {
        var area = await site.ReadAsync(db => db.PracticeAreas.AsNoTracking().SingleAsync(p => p.Culture == SiteCulture.Spanish && p.Slug == "asilo"));

        Assert.Equal(ReviewOutcome.ChangedSinceOpened, await WithServiceAsync(s => s.MarkReviewedAsync<PracticeArea>(area.Id, area.Version + 1, AuditFailureSite.Actor)));
        Assert.Equal(ReviewOutcome.Reviewed, await WithServiceAsync(s => s.MarkReviewedAsync<PracticeArea>(area.Id, area.Version, AuditFailureSite.Actor)));
        var reviewed = await FindAsync<PracticeArea>(area.Id);
        Assert.NotNull(reviewed.ReviewedAt);
        Assert.True(await site.ReadAsync(db => db.AuditEntries.AnyAsync(e => e.Action == "Practice area translation (Spanish) reviewed by the attorney")));

        await WithServiceAsync(s => s.SaveAsync<PracticeArea>(area.Id, reviewed.Version, Form(reviewed) with { Summary = reviewed.Summary + " Le ayudamos." }, AuditFailureSite.Actor));
        Assert.Null((await FindAsync<PracticeArea>(area.Id)).ReviewedAt);
    }

    private async Task<string> SetFrenchNoticeAsync(string text)
    {
        await using var scope = site.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PiriSite.Data.SiteDbContext>();
        var firm = await db.FirmProfiles.SingleAsync(f => f.Culture == SiteCulture.French);
        var before = firm.LegalInformationNotice;
        firm.LegalInformationNotice = text;
        await db.SaveChangesAsync();
        return before;
    }
}
