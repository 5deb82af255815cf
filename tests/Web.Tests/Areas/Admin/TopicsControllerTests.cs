using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>Staff keep the list of topics at /admin/topics: each topic in the three languages at once, in order, audited.</summary>
public sealed partial class TopicsControllerTests : IDisposable
{
    private static readonly HtmlParser s_parser = new();
    private readonly SiteFactory _factory = new() { RunsBackgroundServices = false };

    [Fact]
    public async Task TheListShowsEachTopicInTheThreeLanguagesWithItsArticles()
    {
        using var staff = await SignInAsync();

        var list = s_parser.ParseDocument(await staff.GetStringAsync("/admin/topics"));

        Assert.Equal(["English", "Spanish", "French", "Articles", "Order", "Actions"], list.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var rows = list.QuerySelectorAll("tbody tr").ToList();
        Assert.Equal(7, rows.Count);
        var enforcement = rows[0].QuerySelectorAll("td").Select(td => Spaces().Replace(td.TextContent, " ").Trim()).ToList();
        Assert.Equal("287(g) and immigration enforcement /287g-and-immigration-enforcement · 1 article", enforcement[0]);
        Assert.Equal("287(g) y control migratorio /287g-y-control-migratorio · 1 article", enforcement[1]);
        Assert.StartsWith("287(g) et application des lois sur l’immigration", enforcement[2], StringComparison.Ordinal);
        Assert.Equal("3", enforcement[3]);
        var asylum = rows.Single(r => r.QuerySelector("td a")!.TextContent == "Asylum");
        Assert.Equal("0", asylum.QuerySelectorAll("td")[3].TextContent);
        // The articles list leads here (the main navigation has no room for it on a laptop's width).
        var articles = s_parser.ParseDocument(await staff.GetStringAsync("/admin/articles"));
        Assert.NotNull(articles.QuerySelector(".admin-title-row a[href='/admin/topics']"));
        Assert.Null(s_parser.ParseDocument(await staff.GetStringAsync("/admin/practice-areas")).QuerySelector("a[href='/admin/topics']"));
    }

    [Fact]
    public async Task ANewTopicIsMadeInTheThreeLanguagesWithAddressesFromTheNamesWhenLeftEmpty()
    {
        using var staff = await SignInAsync();

        var created = await PostAsync(staff, "/admin/topics/new", "/admin/topics/new", Topic(
            ("Bond hearings", "", "When and how to ask for release."), ("Audiencias de fianza", "", ""), ("Audiences de caution", "", "")));

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/topics", created.Headers.Location!.OriginalString);
        await using var scope = _factory.CreateDbScope();
        var rows = await scope.Db.Topics.AsNoTracking().Where(t => t.TranslationKey == "bond-hearings").OrderBy(t => t.Culture).ToListAsync();
        Assert.Equal([("en", "Bond hearings", "bond-hearings"), ("es", "Audiencias de fianza", "audiencias-de-fianza"), ("fr", "Audiences de caution", "audiences-de-caution")],
            rows.Select(t => (t.Culture, t.Name, t.Slug)));
        Assert.Equal("When and how to ask for release.", rows[0].Description);
        // Left empty, the display order puts it last.
        Assert.All(rows, t => Assert.Equal(80, t.DisplayOrder));
        var audit = await scope.Db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "Topic created");
        Assert.Equal("Bond hearings (topic)", audit.Target);
        Assert.Contains("Spanish: Audiencias de fianza (audiencias-de-fianza)", audit.Details, StringComparison.Ordinal);
        Assert.Contains("Bond hearings", await staff.GetStringAsync("/admin/topics"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidTopicIsRefusedWithEachErrorNextToItsFieldAndTheTextKept()
    {
        using var staff = await SignInAsync();

        var refused = await PostAsync(staff, "/admin/topics/new", "/admin/topics/new",
            Topic(("Bond hearings", "Bond Hearings!", ""), ("", "", ""), ("Audiences de caution", "", new string('x', 301))).Append(("DisplayOrder", "soon")).ToArray());

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = s_parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(["Description-fr", "DisplayOrder", "Name-es", "Slug-en"], ErrorFields(page).Order(StringComparer.Ordinal));
        Assert.Equal("Enter the topic's name in Spanish.", page.QuerySelector("#Name-es-error")!.TextContent.Replace("Error: ", "", StringComparison.Ordinal));
        Assert.Equal("true", page.QuerySelector("#Name-es")!.GetAttribute("aria-invalid"));
        Assert.Contains("Name-es-error", page.QuerySelector("#Name-es")!.GetAttribute("aria-describedby"), StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Slug-en-error"));
        Assert.NotNull(page.QuerySelector("#Description-fr-error"));
        Assert.NotNull(page.QuerySelector("#DisplayOrder-error"));
        // What was typed is still there.
        Assert.Equal("Bond hearings", ((IHtmlInputElement)page.QuerySelector("#Name-en")!).Value);
        Assert.Equal("Bond Hearings!", ((IHtmlInputElement)page.QuerySelector("#Slug-en")!).Value);
        Assert.Equal("Audiences de caution", ((IHtmlInputElement)page.QuerySelector("#Name-fr")!).Value);
        Assert.Equal("soon", ((IHtmlInputElement)page.QuerySelector("#DisplayOrder")!).Value);
        await using var scope = _factory.CreateDbScope();
        Assert.False(await scope.Db.Topics.AnyAsync(t => t.Name == "Bond hearings"));
    }

    [Fact]
    public async Task AnAddressAnotherTopicUsesInThatLanguageIsRefused()
    {
        using var staff = await SignInAsync();

        // "asilo" is the seeded Spanish asylum topic's address; "asylum" in Spanish is free (it is English's).
        var refused = await PostAsync(staff, "/admin/topics/new", "/admin/topics/new",
            Topic(("Asylum interviews", "", ""), ("Entrevistas de asilo", "asilo", ""), ("Entretiens d’asile", "", "")));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var page = s_parser.ParseDocument(await refused.Content.ReadAsStringAsync());
        Assert.Equal(["Slug-es"], ErrorFields(page));
        Assert.Equal("Another Spanish topic already uses the address \"asilo\". Choose another.",
            page.QuerySelector("#Slug-es-error")!.TextContent.Replace("Error: ", "", StringComparison.Ordinal));

        var allowed = await PostAsync(staff, "/admin/topics/new", "/admin/topics/new",
            Topic(("Asylum interviews", "", ""), ("Entrevistas de asilo", "asylum", ""), ("Entretiens d’asile", "", "")));
        Assert.Equal(HttpStatusCode.Redirect, allowed.StatusCode);
    }

    [Fact]
    public async Task EditingRenamesTheTopicKeepingItsArticlesAndIsAudited()
    {
        using var staff = await SignInAsync();
        var id = await TopicIdAsync(SiteCulture.English, "enforcement-287g");
        var editor = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/topics/{id}/edit"));
        Assert.Equal("287(g) y control migratorio", ((IHtmlInputElement)editor.QuerySelector("#Name-es")!).Value);
        Assert.Equal("10", ((IHtmlInputElement)editor.QuerySelector("#DisplayOrder")!).Value);

        var saved = await PostAsync(staff, $"/admin/topics/{id}/edit", $"/admin/topics/{id}/edit", Topic(
            ("Immigration enforcement", "immigration-enforcement", ""), ("287(g) y control migratorio", "287g-y-control-migratorio", ""),
            ("287(g) et application des lois sur l’immigration", "287g-et-application-des-lois-sur-l-immigration", "")).Append(("DisplayOrder", "55")).ToArray());

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await using var scope = _factory.CreateDbScope();
        var english = await scope.Db.Topics.AsNoTracking().SingleAsync(t => t.Id == id);
        Assert.Equal(("Immigration enforcement", "immigration-enforcement", "", 55, "enforcement-287g"),
            (english.Name, english.Slug, english.Description, english.DisplayOrder, english.TranslationKey));
        Assert.Equal(1, await scope.Db.ArticleTopics.CountAsync(l => l.TopicId == id));
        var audit = await scope.Db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "Topic edited");
        Assert.Equal("Immigration enforcement (topic)", audit.Target);
        Assert.Contains("English name “287(g) and immigration enforcement” → “Immigration enforcement”", audit.Details, StringComparison.Ordinal);
        Assert.Contains("display order 10 → 55", audit.Details, StringComparison.Ordinal);
        Assert.Contains("Spanish description changed", audit.Details, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARenamedTopicsOldAddressesAnswerWithAPermanentRedirectUntilItIsDeleted()
    {
        using var staff = await SignInAsync();
        using var visitor = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });
        var id = await TopicIdAsync(SiteCulture.English, "enforcement-287g");
        await ManyArticles.AddAsync(_factory, 21, "control", SiteCulture.Spanish, [await TopicIdAsync(SiteCulture.Spanish, "enforcement-287g")]);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/articles/topics/287g-and-immigration-enforcement")).StatusCode);

        await PostAsync(staff, $"/admin/topics/{id}/edit", $"/admin/topics/{id}/edit", Topic(
            ("Immigration enforcement", "immigration-enforcement", ""), ("Control migratorio", "control-migratorio", ""),
            ("287(g) et application des lois sur l’immigration", "287g-et-application-des-lois-sur-l-immigration", "")));

        var english = await visitor.GetAsync("/articles/topics/287g-and-immigration-enforcement");
        var spanishPageTwo = await visitor.GetAsync("/es/articulos/temas/287g-y-control-migratorio/pagina/2");
        Assert.Equal((HttpStatusCode.MovedPermanently, "/articles/topics/immigration-enforcement"), (english.StatusCode, english.Headers.Location?.OriginalString));
        Assert.Equal((HttpStatusCode.MovedPermanently, "/es/articulos/temas/control-migratorio/pagina/2"), (spanishPageTwo.StatusCode, spanishPageTwo.Headers.Location?.OriginalString));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/articles/topics/immigration-enforcement")).StatusCode);
        // Never to a page that does not exist: the English topic has one page.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/topics/287g-and-immigration-enforcement/page/2")).StatusCode);
        // Only in its own language: the English old address means nothing in French.
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/fr/articles/sujets/287g-and-immigration-enforcement")).StatusCode);

        // Renamed back, the topic has its first address again (the redirect there is dropped, the newer one kept).
        await PostAsync(staff, $"/admin/topics/{id}/edit", $"/admin/topics/{id}/edit", Topic(
            ("287(g) and immigration enforcement", "287g-and-immigration-enforcement", ""), ("Control migratorio", "control-migratorio", ""),
            ("287(g) et application des lois sur l’immigration", "287g-et-application-des-lois-sur-l-immigration", "")));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/articles/topics/287g-and-immigration-enforcement")).StatusCode);
        Assert.Equal("/articles/topics/287g-and-immigration-enforcement", (await visitor.GetAsync("/articles/topics/immigration-enforcement")).Headers.Location?.OriginalString);

        var editor = await staff.GetStringAsync($"/admin/topics/{id}/edit");
        var asked = await staff.PostAsync($"/admin/topics/{id}/delete", Form(editor));
        await staff.PostAsync($"/admin/topics/{id}/delete", Form(await asked.Content.ReadAsStringAsync(), ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync("/articles/topics/immigration-enforcement")).StatusCode);
        await using var scope = _factory.CreateDbScope();
        Assert.False(await scope.Db.SlugRedirects.AnyAsync(r => r.Kind == ContentKind.Topic));
    }

    [Fact]
    public async Task DeletingAsksFirstThenRemovesTheTopicInEveryLanguageButNotItsArticles()
    {
        using var staff = await SignInAsync();
        var id = await TopicIdAsync(SiteCulture.English, "deportation-defense");
        var editor = await staff.GetStringAsync($"/admin/topics/{id}/edit");

        var asked = await staff.PostAsync($"/admin/topics/{id}/delete", Form(editor));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirm = s_parser.ParseDocument(await asked.Content.ReadAsStringAsync());
        Assert.Equal("Delete the topic “Deportation defense”?", confirm.QuerySelector("h1")!.TextContent);
        Assert.Contains("The 3 articles filed under it stay as they are", confirm.QuerySelector(".confirmation-consequences")!.TextContent, StringComparison.Ordinal);
        await using (var scope = _factory.CreateDbScope())
        {
            Assert.Equal(3, await scope.Db.Topics.CountAsync(t => t.TranslationKey == "deportation-defense"));
        }

        var deleted = await staff.PostAsync($"/admin/topics/{id}/delete", Form(await asked.Content.ReadAsStringAsync(), ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        await using var after = _factory.CreateDbScope();
        Assert.False(await after.Db.Topics.AnyAsync(t => t.TranslationKey == "deportation-defense"));
        Assert.Equal(3, await after.Db.Articles.CountAsync(a => a.TranslationKey == "ice-287g-program" && a.DeletedAt == null));
        // Each language's article keeps its other topic.
        Assert.Equal(3, await after.Db.ArticleTopics.CountAsync());
        var audit = await after.Db.AuditEntries.AsNoTracking().SingleAsync(e => e.Action == "Topic deleted");
        Assert.Contains("taken off 3 article(s), which are kept", audit.Details, StringComparison.Ordinal);
        var list = s_parser.ParseDocument(await staff.GetStringAsync(deleted.Headers.Location));
        Assert.Equal("The topic “Deportation defense” was deleted in every language; its articles are kept.", list.QuerySelector(".flash")!.TextContent);
        Assert.Equal(6, list.QuerySelectorAll("tbody tr").Length);
        Assert.DoesNotContain("Deportation defense", list.QuerySelector("tbody")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MovingATopicUpSwapsItWithTheOneBeforeItInEveryLanguage()
    {
        using var staff = await SignInAsync();
        var asylum = await TopicIdAsync(SiteCulture.English, "asylum");
        var list = await staff.GetStringAsync("/admin/topics");

        var moved = await staff.PostAsync($"/admin/topics/{asylum}/move", Form(list, ("direction", "up")));

        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        var order = s_parser.ParseDocument(await staff.GetStringAsync("/admin/topics")).QuerySelectorAll("tbody tr td.content-row-title a")
            .Select(a => a.TextContent).Take(3).ToList();
        Assert.Equal(["287(g) and immigration enforcement", "Asylum", "Deportation defense"], order);
        await using var scope = _factory.CreateDbScope();
        var spanish = await scope.Db.Topics.Where(t => t.Culture == SiteCulture.Spanish).OrderBy(t => t.DisplayOrder).Select(t => t.Name).Take(3).ToListAsync();
        Assert.Equal(["287(g) y control migratorio", "Asilo", "Defensa contra la deportación"], spanish);
        Assert.True(await scope.Db.AuditEntries.AnyAsync(e => e.Action == "Topics reordered" && e.Target == "Asylum (topic)"));
    }

    [Fact]
    public async Task VisitorsWhoAreNotSignedInCanNeitherSeeNorChangeTopics()
    {
        _ = _factory.Services;
        using var visitor = StaffSessions.NewClient(_factory);
        var login = await visitor.GetStringAsync("/account/login");

        var list = await visitor.GetAsync("/admin/topics");
        var created = await visitor.PostAsync("/admin/topics/new", Form(login, Topic(("Sneaky", "", ""), ("Sneaky", "", ""), ("Sneaky", "", ""))));

        Assert.Equal(HttpStatusCode.Redirect, list.StatusCode);
        Assert.StartsWith("/account/login", list.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, created.StatusCode);
        await using var scope = _factory.CreateDbScope();
        Assert.False(await scope.Db.Topics.AnyAsync(t => t.Name == "Sneaky"));
    }

    private async Task<HttpClient> SignInAsync()
    {
        _ = _factory.Services;
        var (user, key) = await StaffSessions.CreateAsync(_factory, $"topics.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        return await StaffSessions.SignInAsync(_factory, user.Email!, key);
    }

    private async Task<int> TopicIdAsync(string culture, string key)
    {
        await using var scope = _factory.CreateDbScope();
        return await scope.Db.Topics.Where(t => t.Culture == culture && t.TranslationKey == key).Select(t => t.Id).SingleAsync();
    }

    private static (string, string)[] Topic((string Name, string Slug, string Description) en, (string Name, string Slug, string Description) es, (string Name, string Slug, string Description) fr) =>
        [.. new[] { ("en", en), ("es", es), ("fr", fr) }.SelectMany((l, i) => new[]
        {
            ($"Languages[{i}].Culture", l.Item1), ($"Languages[{i}].Name", l.Item2.Name), ($"Languages[{i}].Slug", l.Item2.Slug),
            ($"Languages[{i}].Description", l.Item2.Description),
        })];

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string formPage, string action, (string, string)[] fields) =>
        await client.PostAsync(action, Form(await client.GetStringAsync(formPage), fields));

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(pageWithToken))));

    // The fields an error is said next to, from their ids ("Name-es-error").
    private static List<string> ErrorFields(IHtmlDocument page) =>
        [.. page.QuerySelectorAll("p.field-error").Select(p => p.Id![..^"-error".Length])];

    [GeneratedRegex("\\s+")]
    private static partial Regex Spaces();

    public void Dispose() => _factory.Dispose();
}
