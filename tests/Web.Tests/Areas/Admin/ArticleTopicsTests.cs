using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// The article editor files an article under topics of its own language, saved with the article; a translation starts
/// with its source's topics; practice areas have none.
/// </summary>
public sealed partial class ArticleTopicsTests : IDisposable
{
    private static readonly HtmlParser s_parser = new();
    private readonly SiteFactory _factory = new() { RunsBackgroundServices = false };

    [Fact]
    public async Task TheEditorOffersTheArticlesLanguageTopicsAndSavesTheTickedOnesOnly()
    {
        using var staff = await SignInAsync();
        var spanish = await ArticleIdAsync(SiteCulture.Spanish);
        var editor = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/articles/{spanish}/edit"));
        var boxes = editor.QuerySelectorAll("#Topics input[type=checkbox]").Cast<IHtmlInputElement>().ToList();
        Assert.Equal("Topics", editor.QuerySelector("#Topics legend")!.TextContent);
        Assert.Equal(7, boxes.Count);
        Assert.Equal(["287(g) y control migratorio", "Defensa contra la deportación"],
            boxes.Where(b => b.IsChecked).Select(b => editor.QuerySelector($"label[for='{b.Id}']")!.TextContent));
        Assert.Equal("es", editor.QuerySelector($"label[for='{boxes[0].Id}']")!.GetAttribute("lang"));

        // A French topic's id, posted by hand, is not the Spanish article's to take.
        var asilo = await TopicIdAsync(SiteCulture.Spanish, "asylum");
        var asile = await TopicIdAsync(SiteCulture.French, "asylum");
        var saved = await SaveAsync(staff, spanish, ("TopicsShown", "true"), ("Topics", Text(asilo)), ("Topics", Text(asile)), ("Topics", "banana"));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal([asilo], await TopicsOfAsync(spanish));
        await using var scope = _factory.CreateDbScope();
        var audit = await scope.Db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "Article topics changed");
        Assert.Equal("Topics: Asilo", audit.Details);
        var reopened = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/articles/{spanish}/edit"));
        Assert.True(((IHtmlInputElement)reopened.QuerySelector($"#Topic-{asilo}")!).IsChecked);
    }

    [Fact]
    public async Task AValidationErrorElsewhereKeepsTheTickedTopicsAndSavesNone()
    {
        using var staff = await SignInAsync();
        var english = await ArticleIdAsync(SiteCulture.English);
        var before = await TopicsOfAsync(english);
        var asylum = await TopicIdAsync(SiteCulture.English, "asylum");

        var refused = await SaveAsync(staff, english, ("Title", ""), ("TopicsShown", "true"), ("Topics", Text(asylum)));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = s_parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal([$"Topic-{asylum}"], page.QuerySelectorAll("#Topics input[type=checkbox]").Cast<IHtmlInputElement>().Where(b => b.IsChecked).Select(b => b.Id));
        Assert.Equal(before, await TopicsOfAsync(english));
    }

    [Fact]
    public async Task UntickingEveryTopicTakesTheArticleOffThemAndASaveWithoutTheBoxesKeepsThem()
    {
        using var staff = await SignInAsync();
        var english = await ArticleIdAsync(SiteCulture.English);
        var before = await TopicsOfAsync(english);
        Assert.Equal(2, before.Count);

        // Without the boxes on the form (as a restored revision saves), the article keeps its topics.
        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff, english)).StatusCode);
        Assert.Equal(before, await TopicsOfAsync(english));

        Assert.Equal(HttpStatusCode.Redirect, (await SaveAsync(staff, english, ("TopicsShown", "true"))).StatusCode);
        Assert.Empty(await TopicsOfAsync(english));
    }

    [Fact]
    public async Task ANewArticleIsFiledUnderItsTopicsAndItsTranslationStartsWithTheSameTopicsInItsLanguage()
    {
        using var staff = await SignInAsync();
        var asylum = await TopicIdAsync(SiteCulture.English, "asylum");
        var court = await TopicIdAsync(SiteCulture.English, "immigration-court");
        var newPage = await staff.GetStringAsync("/admin/articles/new");
        Assert.Contains("Asylum", s_parser.ParseDocument(newPage).QuerySelector("#Topics")!.TextContent, StringComparison.Ordinal);

        var created = await staff.PostAsync("/admin/articles/new", Form(newPage,
            [.. Fields("Asylum Interviews", "asylum-interviews", 0), ("TopicsShown", "true"), ("Topics", Text(asylum)), ("Topics", Text(court))]));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var english = int.Parse(created.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
        Assert.Equal([asylum, court], (await TopicsOfAsync(english)).Order());

        var translated = await staff.PostAsync($"/admin/articles/{english}/translations/fr", Form(await staff.GetStringAsync($"/admin/articles/{english}/edit")));

        Assert.Equal(HttpStatusCode.Redirect, translated.StatusCode);
        var french = int.Parse(translated.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
        Assert.Equal(new[] { await TopicIdAsync(SiteCulture.French, "asylum"), await TopicIdAsync(SiteCulture.French, "immigration-court") }.Order(),
            (await TopicsOfAsync(french)).Order());
        var editor = s_parser.ParseDocument(await staff.GetStringAsync(translated.Headers.Location));
        Assert.Equal(["Asile", "Tribunal de l’immigration"], editor.QuerySelectorAll("#Topics input:checked").Select(b => editor.QuerySelector($"label[for='{b.Id}']")!.TextContent));
    }

    [Fact]
    public async Task PracticeAreasHaveNoTopics()
    {
        using var staff = await SignInAsync();
        int area;
        await using (var scope = _factory.CreateDbScope())
        {
            area = await scope.Db.PracticeAreas.Where(p => p.Culture == SiteCulture.English && p.Slug == "asylum").Select(p => p.Id).SingleAsync();
        }

        var page = await staff.GetStringAsync($"/admin/practice-areas/{area}/edit");

        Assert.Null(s_parser.ParseDocument(page).QuerySelector("#Topics"));
        int links;
        await using (var scope = _factory.CreateDbScope())
        {
            links = await scope.Db.ArticleTopics.CountAsync();
        }

        var version = Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var saved = await staff.PostAsync($"/admin/practice-areas/{area}/edit", Form(page,
            [.. Fields("Asylum", "asylum", int.Parse(version, CultureInfo.InvariantCulture)), ("TopicsShown", "true"), ("Topics", Text(await TopicIdAsync(SiteCulture.English, "asylum")))]));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        // Nothing is filed under a topic by a practice area's save.
        await using var after = _factory.CreateDbScope();
        Assert.Equal(links, await after.Db.ArticleTopics.CountAsync());
    }

    private async Task<HttpClient> SignInAsync()
    {
        _ = _factory.Services;
        var (user, key) = await StaffSessions.CreateAsync(_factory, $"article.topics.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        return await StaffSessions.SignInAsync(_factory, user.Email!, key);
    }

    private async Task<int> ArticleIdAsync(string culture)
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.Articles.Where(a => a.Culture == culture && a.TranslationKey == "ice-287g-program").Select(a => a.Id).SingleAsync();
    }

    private async Task<int> TopicIdAsync(string culture, string key)
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.Topics.Where(t => t.Culture == culture && t.TranslationKey == key).Select(t => t.Id).SingleAsync();
    }

    private async Task<List<int>> TopicsOfAsync(int articleId)
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.ArticleTopics.Where(l => l.ArticleId == articleId).OrderBy(l => l.TopicId).Select(l => l.TopicId).ToListAsync();
    }

    /// <summary>Saves the seeded article as it is, with <paramref name="changes"/> replacing or adding fields.</summary>
    private static async Task<HttpResponseMessage> SaveAsync(HttpClient client, int id, params (string Name, string Value)[] changes)
    {
        var page = await client.GetStringAsync($"/admin/articles/{id}/edit");
        var editor = s_parser.ParseDocument(page);
        string Value(string field) => editor.QuerySelector($"#{field}") switch
        {
            IHtmlTextAreaElement area => area.Value,
            IHtmlInputElement input => input.Value,
            _ => "",
        };
        var fields = new List<(string, string)>
        {
            ("Title", Value("Title")), ("Slug", Value("Slug")), ("Summary", Value("Summary")), ("BodyMarkdown", Value("BodyMarkdown")),
            ("SeoTitle", Value("SeoTitle")), ("SeoDescription", Value("SeoDescription")), ("Status", "Published"), ("PublishAt", Value("PublishAt")),
            ("Version", Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value),
        };
        var replaced = changes.Select(c => c.Name).ToHashSet();
        return await client.PostAsync($"/admin/articles/{id}/edit", Form(page, [.. fields.Where(f => !replaced.Contains(f.Item1) || f.Item1 == "Topics"), .. changes]));
    }

    private static (string, string)[] Fields(string title, string slug, int version) =>
    [
        ("Title", title), ("Slug", slug), ("Summary", "A summary."), ("BodyMarkdown", "Text."), ("SeoTitle", ""), ("SeoDescription", ""),
        ("Status", "Published"), ("PublishAt", ""), ("Version", version.ToString(CultureInfo.InvariantCulture)),
    ];

    private static string Text(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(pageWithToken))));

    public void Dispose() => _factory.Dispose();
}
