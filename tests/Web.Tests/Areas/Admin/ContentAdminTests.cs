using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public sealed class ContentAdminTests : IDisposable
{
    private readonly SiteFactory _baseFactory = new();
    private readonly WebApplicationFactory<Program> _app;
    private readonly MovableClock _clock = new();

    public ContentAdminTests()
    {
        _app = _baseFactory.WithWebHostBuilder(builder =>
            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
    }

    private async Task<HttpClient> SignInAsync(string role = StaffRoles.Staff)
    {
        _ = _app.Services; // start the app (and its database) before creating the account
        var email = $"{Guid.NewGuid():N}@pirisite.test";
        var (user, key) = await StaffSessions.CreateAsync(_baseFactory, email, role);
        return await SignInThroughAsync(user.Email!, key);
    }

    private async Task<HttpClient> SignInThroughAsync(string email, string key)
    {
        var client = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });
        var page = await client.GetStringAsync("/account/login");
        var login = await client.PostAsync("/account/login", Form(page, ("Email", email), ("Password", StaffSessions.Password), ("ReturnUrl", "/admin")));
        var codePage = await client.GetStringAsync(login.Headers.Location);
        await client.PostAsync("/account/two-factor-code", Form(codePage, ("Code", Totp.Code(key)), ("UseRecoveryCode", "false")));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin")).StatusCode);
        return client;
    }

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(pageWithToken))));

    private static (string, string)[] ArticleFields(string title, string slug, string body, string status = "Published", string publishAt = "", int version = 0) =>
    [
        ("Title", title), ("Slug", slug), ("Summary", $"Summary of {title}"), ("BodyMarkdown", body), ("SeoTitle", ""),
        ("SeoDescription", ""), ("Status", status), ("PublishAt", publishAt), ("Version", version.ToString(CultureInfo.InvariantCulture)),
    ];

    private static async Task<int> CreateArticleAsync(HttpClient client, string title, string slug, string body, string status = "Published", string publishAt = "")
    {
        var page = await client.GetStringAsync("/admin/articles/new");
        var response = await client.PostAsync("/admin/articles/new", Form(page, ArticleFields(title, slug, body, status, publishAt)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
    }

    private static async Task<(string Page, int Version)> EditPageAsync(HttpClient client, int id)
    {
        var page = await client.GetStringAsync($"/admin/articles/{id}/edit");
        var version = int.Parse(System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture);
        return (page, version);
    }

    [Fact]
    public async Task ADraftIsPrivateUntilPublishedAndEditsShowAtOnce()
    {
        using var client = await SignInAsync();
        using var visitor = _app.CreateClient();

        var id = await CreateArticleAsync(client, "Bond Hearings Explained", "bond-hearings", "## What a bond is\n\nFirst text.", status: "Draft");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/bond-hearings")).StatusCode);

        var (page, version) = await EditPageAsync(client, id);
        await client.PostAsync($"/admin/articles/{id}/edit", Form(page, ArticleFields("Bond Hearings Explained", "bond-hearings", "## What a bond is\n\nPublished text.", version: version)));
        Assert.Contains("Published text.", await visitor.GetStringAsync("/articles/bond-hearings"), StringComparison.Ordinal);
        // The page, the list and the home page are now in the output cache: the second visit is answered from it.
        foreach (var path in new[] { "/articles/bond-hearings", "/articles", "/" })
        {
            await visitor.GetAsync(path);
            Assert.NotNull((await visitor.GetAsync(path)).Headers.Age);
        }

        (page, version) = await EditPageAsync(client, id);
        await client.PostAsync($"/admin/articles/{id}/edit", Form(page, ArticleFields("Bond Hearings, Explained Again", "bond-hearings", "## What a bond is\n\nCorrected text.", version: version)));
        Assert.Contains("Corrected text.", await visitor.GetStringAsync("/articles/bond-hearings"), StringComparison.Ordinal);
        Assert.Contains("Bond Hearings, Explained Again", await visitor.GetStringAsync("/articles"), StringComparison.Ordinal);
        Assert.Contains("Bond Hearings, Explained Again", await visitor.GetStringAsync("/"), StringComparison.Ordinal);

        // Unpublishing takes it off the cached pages at once too.
        (page, version) = await EditPageAsync(client, id);
        await client.PostAsync($"/admin/articles/{id}/edit", Form(page, ArticleFields("Bond Hearings, Explained Again", "bond-hearings", "Text.", status: "Draft", version: version)));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/bond-hearings")).StatusCode);
        Assert.DoesNotContain("bond-hearings", await visitor.GetStringAsync("/articles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignedInStaffAlwaysSeeTheLivePageNeverTheCache()
    {
        using var client = await SignInAsync();

        await client.GetAsync("/articles");
        var second = await client.GetAsync("/articles");

        Assert.Null(second.Headers.Age);
    }

    [Fact]
    public async Task AScheduledArticleAppearsOnTimeWithoutAnyoneClicking()
    {
        using var client = await SignInAsync();
        using var visitor = _app.CreateClient();
        var tomorrow = FirmTimeZone.ToFirmTime(_clock.GetUtcNow().UtcDateTime.AddDays(1)).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

        await CreateArticleAsync(client, "Coming Tomorrow", "coming-tomorrow", "Text.", publishAt: tomorrow);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/coming-tomorrow")).StatusCode);
        Assert.Contains("Scheduled", await client.GetStringAsync("/admin/articles"), StringComparison.Ordinal);

        Assert.DoesNotContain("/articles/coming-tomorrow", await visitor.GetStringAsync("/articles"), StringComparison.Ordinal); // now cached

        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        // The watcher wakes by the real clock; this test moves the clock instead, so it asks the watcher to look now.
        await _app.Services.GetRequiredService<ScheduledPublicationWatcher>().CheckAsync();

        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/articles/coming-tomorrow")).StatusCode);
        Assert.Contains("/articles/coming-tomorrow", await visitor.GetStringAsync("/articles"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AScheduledTranslationGoingLiveRefreshesTheCachedPageOfItsOriginal()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        await using (var scope = _baseFactory.CreateDbScope())
        {
            scope.Db.Articles.AddRange(
                new Article
                {
                    TranslationKey = "soon-translated", Culture = SiteCulture.English, Title = "Soon translated", Slug = "soon-translated",
                    Status = ContentStatus.Published, PublishedAt = now.AddDays(-1), UpdatedAt = now.AddDays(-1), AuthorName = "Michael Piri",
                },
                new Article
                {
                    TranslationKey = "soon-translated", Culture = SiteCulture.Spanish, Title = "Pronto traducido", Slug = "pronto-traducido",
                    Status = ContentStatus.Published, PublishedAt = now.AddDays(1), UpdatedAt = now, AuthorName = "Michael Piri",
                });
            await scope.Db.SaveChangesAsync();
        }

        await _app.Services.ReloadPublishedContentAsync();
        using var visitor = _app.CreateClient();
        Assert.Contains("href=\"/es/articulos#untranslated\"", await visitor.GetStringAsync("/articles/soon-translated"), StringComparison.Ordinal);
        Assert.NotNull((await visitor.GetAsync("/articles/soon-translated")).Headers.Age); // served from the cache now

        _clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await _app.Services.GetRequiredService<ScheduledPublicationWatcher>().CheckAsync();

        // The English page's language switcher and hreflang now name the Spanish page.
        var english = await visitor.GetStringAsync("/articles/soon-translated");
        Assert.Contains("href=\"/es/articulos/pronto-traducido\"", english, StringComparison.Ordinal);
        Assert.DoesNotContain("/es/articulos#untranslated", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ChangingTheSlugKeepsTheOldAddressWorkingWithAPermanentRedirect()
    {
        using var client = await SignInAsync();
        using var visitor = _app.CreateClient();
        var id = await CreateArticleAsync(client, "Old Name", "old-name", "Text.");

        var (page, version) = await EditPageAsync(client, id);
        await client.PostAsync($"/admin/articles/{id}/edit", Form(page, ArticleFields("New Name", "new-name", "Text.", version: version)));

        var old = await visitor.GetAsync("/articles/old-name");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal("/articles/new-name", old.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/articles/new-name")).StatusCode);
    }

    [Fact]
    public async Task ThePracticeAreaSlugOfTheSeededSiteCanChangeAndRedirects()
    {
        using var client = await SignInAsync();
        using var visitor = _app.CreateClient();
        int id;
        await using (var scope = _baseFactory.CreateDbScope())
        {
            id = await scope.Db.PracticeAreas.Where(p => p.Slug == "asylum").Select(p => p.Id).SingleAsync();
        }

        var page = await client.GetStringAsync($"/admin/practice-areas/{id}/edit");
        var version = System.Text.RegularExpressions.Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var body = System.Net.WebUtility.HtmlDecode(System.Text.RegularExpressions.Regex.Match(page, "<textarea id=\"BodyMarkdown\"[^>]*>([^<]*)</textarea>").Groups[1].Value);
        var response = await client.PostAsync($"/admin/practice-areas/{id}/edit", Form(page,
            ("Title", "Asylum"), ("Slug", "asylum-lawyer"), ("Summary", "Asylum summary."), ("BodyMarkdown", body), ("SeoTitle", ""),
            ("SeoDescription", ""), ("Status", "Published"), ("PublishAt", ""), ("Version", version)));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/practice-areas/asylum-lawyer", (await visitor.GetAsync("/practice-areas/asylum")).Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task TheSecondOfTwoConcurrentSavesIsRefusedAndKeepsItsText()
    {
        using var alice = await SignInAsync();
        using var bob = await SignInAsync();
        var id = await CreateArticleAsync(alice, "Shared Page", "shared-page", "Original.");
        var (alicePage, aliceVersion) = await EditPageAsync(alice, id);
        var (bobPage, bobVersion) = await EditPageAsync(bob, id);

        var first = await alice.PostAsync($"/admin/articles/{id}/edit", Form(alicePage, ArticleFields("Shared Page", "shared-page", "Alice's text.", version: aliceVersion)));
        var second = await bob.PostAsync($"/admin/articles/{id}/edit", Form(bobPage, ArticleFields("Shared Page", "shared-page", "Bob's careful text.", version: bobVersion)));
        var html = await second.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Contains("while you were editing it, so your changes were not saved", html, StringComparison.Ordinal);
        Assert.Contains("Bob&#x27;s careful text.", html.Replace("Bob's", "Bob&#x27;s", StringComparison.Ordinal), StringComparison.Ordinal);
        await using var scope = _baseFactory.CreateDbScope();
        Assert.Equal("Alice's text.", (await scope.Db.Articles.SingleAsync(a => a.Id == id)).BodyMarkdown);
    }

    [Fact]
    public async Task EverySaveKeepsARevisionThatCanBeComparedAndRestored()
    {
        using var client = await SignInAsync();
        using var visitor = _app.CreateClient();
        var id = await CreateArticleAsync(client, "Versioned", "versioned", "First line.\nKept line.");
        var (page, version) = await EditPageAsync(client, id);
        await client.PostAsync($"/admin/articles/{id}/edit", Form(page, ArticleFields("Versioned", "versioned", "Second line.\nKept line.", version: version)));

        var history = await client.GetStringAsync($"/admin/articles/{id}/revisions");
        Assert.Contains("Revision 1</h2>", history, StringComparison.Ordinal);
        Assert.Contains("Revision 2 (current)</h2>", history, StringComparison.Ordinal);

        var diff = await client.GetStringAsync($"/admin/articles/{id}/revisions/2");
        Assert.Contains("<del>First</del>", diff, StringComparison.Ordinal);
        Assert.Contains("<ins>Second</ins>", diff, StringComparison.Ordinal);

        var restored = await client.PostAsync($"/admin/articles/{id}/revisions/1/restore", Form(history, ("confirmed", "true")));
        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Contains("First line.", await visitor.GetStringAsync("/articles/versioned"), StringComparison.Ordinal);
        await using var scope = _baseFactory.CreateDbScope();
        var numbers = await scope.Db.ContentRevisions.Where(r => r.Kind == ContentKind.Article && r.ContentId == id).Select(r => r.Number).ToListAsync();
        Assert.Equal([1, 2, 3], numbers.Order());
    }

    [Fact]
    public async Task ADeletedArticleLeavesTheSiteAndCanBeRestored()
    {
        using var client = await SignInAsync();
        using var visitor = _app.CreateClient();
        var id = await CreateArticleAsync(client, "Temporary", "temporary", "Text.");
        var (page, _) = await EditPageAsync(client, id);

        await client.PostAsync($"/admin/articles/{id}/delete", Form(page, ("confirmed", "true")));
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/temporary")).StatusCode);
        Assert.DoesNotContain("Temporary", await client.GetStringAsync("/admin/articles"), StringComparison.Ordinal);
        Assert.Contains("Temporary", await client.GetStringAsync("/admin/articles?deleted=true"), StringComparison.Ordinal);

        await client.PostAsync($"/admin/articles/{id}/restore", Form(page));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/articles/temporary")).StatusCode);
    }

    [Theory]
    [InlineData("/admin/articles")]
    [InlineData("/admin/practice-areas")]
    public async Task ThePreviewButtonPostsTheUnsavedFormToThePublicTemplateInANewTab(string section)
    {
        using var client = await SignInAsync();
        int id;
        await using (var scope = _baseFactory.CreateDbScope())
        {
            id = section == "/admin/articles"
                ? await scope.Db.Articles.Select(a => a.Id).FirstAsync()
                : await scope.Db.PracticeAreas.Select(p => p.Id).FirstAsync();
        }

        var parser = new AngleSharp.Html.Parser.HtmlParser();
        foreach (var path in new[] { $"{section}/new", $"{section}/{id}/edit" })
        {
            var page = parser.ParseDocument(await client.GetStringAsync(path));
            var form = page.QuerySelector("form.editor-form")!;
            var preview = form.QuerySelectorAll("button").Single(b => b.TextContent.StartsWith("Preview", StringComparison.Ordinal));

            // The form's own fields (and its antiforgery token) go to the preview; no script is needed. An existing page's
            // unsaved text is previewed over the saved page (its language, author and dates).
            // It opens at the page's content (#main), not at the top of the public site's header.
            var action = path.EndsWith("/new", StringComparison.Ordinal) ? $"{section}/preview#main" : $"{section}/preview?id={id}#main";
            Assert.Equal(("submit", action, "_blank"), (preview.GetAttribute("type"), preview.GetAttribute("formaction"), preview.GetAttribute("formtarget")));
            Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
            // The body-only preview beside the editor is gone: the preview is the public page.
            Assert.Null(page.QuerySelector(".preview"));
        }

        var saved = parser.ParseDocument(await client.GetStringAsync($"{section}/{id}/edit"));
        var link = saved.QuerySelectorAll("a").Single(a => a.GetAttribute("href") == $"{section}/{id}/preview#main");
        Assert.StartsWith("Preview", link.TextContent, StringComparison.Ordinal);
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.DoesNotContain(parser.ParseDocument(await client.GetStringAsync($"{section}/new")).QuerySelectorAll("a"), a => a.GetAttribute("href")?.Contains("/preview", StringComparison.Ordinal) == true);
    }

    [Fact]
    public async Task ARefusedSaveShowsTheTypedTextWithItsWordCountAndSavesNothing()
    {
        using var client = await SignInAsync();
        var id = await CreateArticleAsync(client, "Count Me", "count-me", "Saved text.");
        var (page, version) = await EditPageAsync(client, id);

        var response = await client.PostAsync($"/admin/articles/{id}/edit",
            Form(page, ArticleFields("", "count-me", "## A new heading\n\nUnsaved **bold** text.", version: version)));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        // The count is of the unsaved text's words ("A new heading Unsaved bold text"); Markdown marks are not words.
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
        Assert.EndsWith(". 6 words.", document.GetElementById("body-hint")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Published", document.QuerySelector(".admin-title-row .badge")!.TextContent);
        await using var scope = _baseFactory.CreateDbScope();
        Assert.Equal("Saved text.", (await scope.Db.Articles.SingleAsync(a => a.Id == id)).BodyMarkdown);
    }

    [Fact]
    public async Task InvalidInputIsExplainedAndEverythingTypedComesBack()
    {
        using var client = await SignInAsync();
        var page = await client.GetStringAsync("/admin/articles/new");

        var response = await client.PostAsync("/admin/articles/new", Form(page, ArticleFields("", "Not A Slug!", "Body I typed.")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("Enter a title.", html, StringComparison.Ordinal);
        Assert.Contains("Body I typed.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Not A Slug!\"", html, StringComparison.Ordinal);

        var taken = await client.PostAsync("/admin/articles/new", Form(page, ArticleFields("Duplicate", "what-is-the-ice-287g-program", "Text.")));
        Assert.Contains("Another page already uses the address", await taken.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task OnlyTheAttorneyMarksAnArticleReviewedAndThePublicPageSaysSo()
    {
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        using var visitor = _app.CreateClient();
        int id;
        await using (var scope = _baseFactory.CreateDbScope())
        {
            id = await scope.Db.Articles.Where(a => a.Slug == "what-is-the-ice-287g-program").Select(a => a.Id).SingleAsync();
        }

        var (page, version) = await EditPageAsync(attorney, id);
        Assert.Contains("Mark as reviewed by the attorney today", page, StringComparison.Ordinal);
        await attorney.PostAsync($"/admin/articles/{id}/review", Form(page, ("version", version.ToString(CultureInfo.InvariantCulture))));

        Assert.Contains("Reviewed by attorney", await visitor.GetStringAsync("/articles/what-is-the-ice-287g-program"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditingASeededPageKeepsItsOriginalTextAsRevisionOne()
    {
        using var client = await SignInAsync();
        int id;
        string original;
        await using (var scope = _baseFactory.CreateDbScope())
        {
            var article = await scope.Db.Articles.SingleAsync(a => a.Slug == "what-is-the-ice-287g-program");
            (id, original) = (article.Id, article.BodyMarkdown);
        }

        var (page, version) = await EditPageAsync(client, id);
        await client.PostAsync($"/admin/articles/{id}/edit", Form(page, ArticleFields("What is the ICE 287(g) Program?", "what-is-the-ice-287g-program", "Replaced.", version: version)));

        await using var check = _baseFactory.CreateDbScope();
        var revisions = await check.Db.ContentRevisions.Where(r => r.Kind == ContentKind.Article && r.ContentId == id).OrderBy(r => r.Number).ToListAsync();
        Assert.Equal(2, revisions.Count);
        Assert.Equal(original, revisions[0].BodyMarkdown);
        Assert.Equal("Original version", revisions[0].Note);
        Assert.Equal("Replaced.", revisions[1].BodyMarkdown);
    }

    [Theory]
    [MemberData(nameof(XssVectors.Theory), MemberType = typeof(XssVectors))]
    public async Task ScriptTypedIntoAnyFieldNeverBecomesActiveOnAPublicOrAdminPage(string vector)
    {
        using var client = await SignInAsync();
        using var visitor = _app.CreateClient();
        var slug = "xss-" + Guid.NewGuid().ToString("N")[..8];
        var page = await client.GetStringAsync("/admin/articles/new");
        var response = await client.PostAsync("/admin/articles/new", Form(page,
            ("Title", "Title " + vector), ("Slug", slug), ("Summary", "Summary " + vector), ("BodyMarkdown", "Body " + vector + "\n\n" + vector),
            ("SeoTitle", "T " + vector[..Math.Min(vector.Length, 60)]), ("SeoDescription", "D " + vector), ("Status", "Published"), ("PublishAt", ""), ("Version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.Headers.Location!.OriginalString.Split('/')[3];

        foreach (var (who, path) in new[] { (visitor, $"/articles/{slug}"), (visitor, "/articles"), (visitor, "/"), (client, $"/admin/articles/{id}/edit"), (client, "/admin/articles"), (client, $"/admin/articles/{id}/revisions/1") })
        {
            var html = await who.GetStringAsync(path);
            ActiveContent.AssertNone(html, path);
        }
    }

    [Theory]
    [InlineData("<p><img src=x onerror=alert(1)></p>")]
    [InlineData("<a href=\" javascript:alert(1)\">x</a>")]
    [InlineData("<script>alert(1)</script>")]
    public void TheActiveContentCheckItselfCatchesRealScript(string html) =>
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => ActiveContent.AssertNone(html, "a test page"));

    [Fact]
    public void TheActiveContentCheckAllowsEncodedText() =>
        ActiveContent.AssertNone("<p>&lt;img src=x onerror=alert(1)&gt;</p><meta name=\"description\" content=\"&quot; onerror=alert(1)\">", "a test page");

    public void Dispose()
    {
        _app.Dispose();
        _baseFactory.Dispose();
    }
}
