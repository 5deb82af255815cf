using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>Staff see an unpublished page in the public template before anyone else can.</summary>
public sealed class PreviewControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private const string DraftBody = "Intro.\n\n## What a bond is\n\nText.\n\n## Who can ask for one\n\nMore text.";

    private async Task<HttpClient> SignInAsync()
    {
        _ = factory.Services; // start the app (and its database) before creating the account
        var (user, key) = await StaffSessions.CreateAsync(factory, $"{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        return await StaffSessions.SignInAsync(factory, user.Email!, key);
    }

    private async Task<int> AddDraftArticleAsync(string slug)
    {
        await using var scope = factory.CreateDbScope();
        var article = new Article
        {
            TranslationKey = slug,
            Title = "Bond Hearings Explained",
            Slug = slug,
            Summary = "What happens at a bond hearing.",
            BodyMarkdown = DraftBody,
            AuthorName = "Michael Piri",
            Status = ContentStatus.Draft,
            UpdatedAt = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc),
        };
        article.RenderBody(new MarkdownRenderer());
        scope.Db.Articles.Add(article);
        await scope.Db.SaveChangesAsync();
        return article.Id;
    }

    private static FormUrlEncodedContent EditorForm(string pageWithToken, string title, string body) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = StaffSessions.AntiforgeryToken(pageWithToken),
        ["Title"] = title,
        ["Slug"] = "unsaved-page",
        ["Summary"] = "A summary.",
        ["BodyMarkdown"] = body,
        ["SeoTitle"] = "",
        ["SeoDescription"] = "",
        ["Status"] = "Draft",
        ["PublishAt"] = "",
        ["Version"] = "0",
    });

    [Fact]
    public async Task StaffPreviewADraftInThePublicTemplateWithTitleTableOfContentsAndLegalNotice()
    {
        var id = await AddDraftArticleAsync("bond-hearings-preview");
        using var staff = await SignInAsync();

        var response = await staff.GetAsync($"/admin/articles/{id}/preview");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Bond Hearings Explained</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"toc\" aria-labelledby=\"toc-title\">", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#who-can-ask-for-one\"", html, StringComparison.Ordinal);
        Assert.Contains("<aside class=\"legal-notice\" aria-label=\"Legal notice\">", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"main-nav\" aria-label=\"Main\">", html, StringComparison.Ordinal);
        Assert.Contains("<p class=\"preview-banner\" role=\"status\">Preview: not published</p>", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("rel=\"canonical\"", html, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheDraftIsNotPublicAndItsPreviewSendsVisitorsToSignIn()
    {
        var id = await AddDraftArticleAsync("bond-hearings-private");
        using var visitor = StaffSessions.NewClient(factory);

        var preview = await visitor.GetAsync($"/admin/articles/{id}/preview");

        Assert.Equal(HttpStatusCode.Redirect, preview.StatusCode);
        Assert.StartsWith($"{SiteFactory.BaseAddress}/account/login", preview.Headers.Location?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/bond-hearings-private")).StatusCode);
        Assert.DoesNotContain("bond-hearings-private", await visitor.GetStringAsync("/sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheEditorsUnsavedTextIsShownEncodedAndNothingIsSaved()
    {
        using var staff = await SignInAsync();
        var admin = await staff.GetStringAsync("/admin");

        var response = await staff.PostAsync("/admin/articles/preview", EditorForm(admin,
            "Fees <script>alert(1)</script>", "## Costs & \"fees\"\n\n<img src=x onerror=alert(1)>"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Fees &lt;script&gt;alert(1)&lt;/script&gt;</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Fees &lt;script&gt;alert(1)&lt;/script&gt; | The Piri Law Firm</title>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", Html.Article(html), StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", Html.Article(html), StringComparison.Ordinal);
        Assert.Contains("<p class=\"preview-banner\" role=\"status\">Preview: not published</p>", html, StringComparison.Ordinal);
        await using var scope = factory.CreateDbScope();
        Assert.False(await scope.Db.Articles.AnyAsync(a => a.Slug == "unsaved-page"));
    }

    [Fact]
    public async Task APracticeAreasUnsavedTextIsShownInItsPublicTemplate()
    {
        using var staff = await SignInAsync();
        var admin = await staff.GetStringAsync("/admin");

        var response = await staff.PostAsync("/admin/practice-areas/preview", EditorForm(admin, "Bond Hearings", "## When to ask\n\nText."));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>Bond Hearings</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"sidebar-box\" aria-label=\"Other practice areas\">", html, StringComparison.Ordinal);
        Assert.Contains("<aside class=\"legal-notice\" aria-label=\"Legal notice\">", html, StringComparison.Ordinal);
        Assert.Contains("<span aria-current=\"page\">Bond Hearings</span>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ATranslationIsPreviewedInItsOwnLanguageWithThatLanguagesProfileAndAddress()
    {
        int id;
        await using (var scope = factory.CreateDbScope())
        {
            id = await scope.Db.PracticeAreas.Where(p => p.Culture == SiteCulture.Spanish && p.Slug == "asilo").Select(p => p.Id).SingleAsync();
        }

        using var staff = await SignInAsync();
        var html = await staff.GetStringAsync($"/admin/practice-areas/{id}/preview");

        Assert.Contains("<html lang=\"es\"", html, StringComparison.Ordinal);
        Assert.Contains("<h1>Asilo</h1>", html, StringComparison.Ordinal);
        Assert.Contains("Publicidad de abogados", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Attorney Advertising", html, StringComparison.Ordinal);
        // The staff area around it is still English; the editor's unsaved text is previewed in the page's language too.
        var editor = await staff.GetStringAsync($"/admin/practice-areas/{id}/edit");
        Assert.Contains("<html lang=\"en\"", editor, StringComparison.Ordinal);
        var unsaved = await staff.PostAsync($"/admin/practice-areas/preview?id={id}", EditorForm(editor, "Asilo en Texas", "Texto sin guardar."));
        var unsavedHtml = await unsaved.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"es\"", unsavedHtml, StringComparison.Ordinal);
        Assert.Contains("<h1>Asilo en Texas</h1>", unsavedHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APreviewPostWithoutItsAntiforgeryTokenIsRefused()
    {
        using var staff = await SignInAsync();

        var response = await staff.PostAsync("/admin/articles/preview", new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task APreviewOfAPageThatDoesNotExistIsNotFound()
    {
        using var staff = await SignInAsync();

        Assert.Equal(HttpStatusCode.NotFound, (await staff.GetAsync("/admin/practice-areas/999999/preview")).StatusCode);
    }
}
