using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Reviewing an edit: the comparison shows only the changed paragraphs with the changed words marked, the history
/// says which fields each save changed, and restoring a revision or deleting a page asks to confirm first.
/// </summary>
public sealed partial class ContentRevisionsTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly HtmlParser s_parser = new();

    // Twelve paragraphs; the tests change a word in the ninth.
    private static readonly string s_body = string.Join("\n\n", Enumerable.Range(1, 12).Select(n => n switch
    {
        1 => "Paragraph one is far from the change.",
        9 => "Paragraph nine says the hearing is in Dallas on Monday.",
        _ => $"Paragraph {n} stays as it was written.",
    }));

    [Fact]
    public async Task AOneWordEditIsShownAsThatWordRemovedAndAddedWithoutTheFarParagraphs()
    {
        using var staff = await SignInAsync();
        var id = await SaveAsync(staff, null, "Hearings", Unique("hearings"), s_body);
        await SaveAsync(staff, id, "Hearings", null, s_body.Replace("in Dallas on Monday", "in Houston on Monday", StringComparison.Ordinal));

        var page = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/articles/{id}/revisions/2"));

        var text = page.QuerySelector(".diff-text")!;
        Assert.Equal(["Dallas"], text.QuerySelectorAll("del").Select(e => e.TextContent));
        Assert.Equal(["Houston"], text.QuerySelectorAll("ins").Select(e => e.TextContent));
        Assert.Single(text.QuerySelectorAll(".diff-changed"));
        // The paragraphs next to it are there as context; the far ones are counted, not shown.
        Assert.Contains("Paragraph 8 stays", text.TextContent, StringComparison.Ordinal);
        Assert.Contains("Paragraph 10 stays", text.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Paragraph one", page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(["… 7 unchanged paragraphs …", "… 2 unchanged paragraphs …"], text.QuerySelectorAll(".diff-gap").Select(e => e.TextContent));
        Assert.Equal("1 change: 1 paragraph of the text.", Spaces(page.QuerySelector("#diff-summary")!.TextContent));
        Assert.Empty(page.QuerySelectorAll(".before-after"));
    }

    [Fact]
    public async Task TheComparisonEncodesTheTextAndShowsOtherFieldsBeforeAndAfter()
    {
        using var staff = await SignInAsync();
        var slug = Unique("encoded");
        var id = await SaveAsync(staff, null, "Bond <b>hearings</b>", slug, "Intro.\n\nA <script>alert(1)</script> line.");
        await SaveAsync(staff, id, "Bond <i>hearings</i>", slug, "Intro.\n\nA <script>alert(2)</script> line. <img src=x onerror=alert(3)>");

        var html = await staff.GetStringAsync($"/admin/articles/{id}/revisions/2");

        // Kept, removed and added words alike are text, never markup.
        Assert.DoesNotContain("<script>alert", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>hearings", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(", html, StringComparison.Ordinal);
        var page = s_parser.ParseDocument(html);
        var title = page.QuerySelectorAll(".diff-field").Single(f => f.QuerySelector("h2")!.TextContent == "Title");
        Assert.Equal(["b", "b"], title.QuerySelectorAll("del").Select(e => e.TextContent));
        Assert.Equal(["i", "i"], title.QuerySelectorAll("ins").Select(e => e.TextContent));
        Assert.Equal(["1"], page.QuerySelectorAll(".diff-text del").Select(e => e.TextContent));
        Assert.Equal(["2", "<img src=x onerror=alert(3)>"], page.QuerySelectorAll(".diff-text ins").Select(e => e.TextContent.Trim()));
        Assert.Equal("2 changes: the title and 1 paragraph of the text.", Spaces(page.QuerySelector("#diff-summary")!.TextContent));
    }

    [Fact]
    public async Task TheHistorySaysWhichFieldsEachSaveChanged()
    {
        using var staff = await SignInAsync();
        var slug = Unique("fields");
        var id = await SaveAsync(staff, null, "Work Permits", slug, "Text.", status: "Draft");
        await SaveAsync(staff, id, "Work Permits", slug, "New text.", summary: "A new summary.", status: "Draft");
        await SaveAsync(staff, id, "Work Permits in 2027", slug, "Newer text.", summary: "A new summary.");
        await SaveAsync(staff, id, "Work Permits in 2027", slug, "Newer text.", summary: "A new summary.");

        var page = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/articles/{id}/revisions"));

        Assert.Equal(["No changes", "Title, Text; published", "Summary, Text", "Created"],
            page.QuerySelectorAll(".revision-changes").Select(e => Spaces(e.TextContent).Replace("What changed: ", "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ARevisionSavedBeforeChangesWereRecordedShowsWhatTheSaveDid()
    {
        using var staff = await SignInAsync();
        var id = await SaveAsync(staff, null, "Old history", Unique("old-history"), "Text.");
        await SaveAsync(staff, id, "Old history", null, "Text, edited.");
        await using (var scope = factory.CreateDbScope())
        {
            await scope.Db.ContentRevisions.Where(r => r.Kind == ContentKind.Article && r.ContentId == id && r.Number == 2)
                .ExecuteUpdateAsync(r => r.SetProperty(x => x.Changes, (RevisionChanges?)null));
        }

        var page = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/articles/{id}/revisions"));

        Assert.Equal("Edited", Spaces(page.QuerySelector(".revision-changes")!.TextContent).Replace("What changed: ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RestoringARevisionAsksFirstAndRestoresOnlyOnceConfirmed()
    {
        using var staff = await SignInAsync();
        var slug = Unique("restore");
        var id = await SaveAsync(staff, null, "Asylum Clock", slug, "The first text.");
        await SaveAsync(staff, id, "Asylum Clock", slug, "The second text.");
        var history = await staff.GetStringAsync($"/admin/articles/{id}/revisions");

        var asked = await staff.PostAsync($"/admin/articles/{id}/revisions/1/restore", Form(history));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirm = s_parser.ParseDocument(await asked.Content.ReadAsStringAsync());
        Assert.Equal("Restore revision 1?", confirm.QuerySelector("h1")!.TextContent);
        var consequences = confirm.QuerySelectorAll(".confirmation-consequences li").Select(li => li.TextContent).ToList();
        Assert.Contains(consequences, c => Regex.IsMatch(c, @"^The text of revision 1 \(saved \w{3} \d+, \d{4} by .+\) replaces the current text of “Asylum Clock”"));
        Assert.Contains("The current text stays in the history as revision 2; the restored text is saved as revision 3.", consequences);
        var form = confirm.QuerySelector("form.confirmation-actions")!;
        Assert.Equal($"/admin/articles/{id}/revisions/1/restore", form.GetAttribute("action"));
        Assert.Equal("true", form.QuerySelector("input[name=confirmed]")!.GetAttribute("value"));
        Assert.Equal(("The second text.", 2), await StoredAsync(id));

        var restored = await staff.PostAsync($"/admin/articles/{id}/revisions/1/restore", Form(history, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, restored.StatusCode);
        Assert.Equal(("The first text.", 3), await StoredAsync(id));
        var historyAfter = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/articles/{id}/revisions"));
        Assert.Equal("Restored revision 1: Text", Spaces(historyAfter.QuerySelector(".revision-changes")!.TextContent).Replace("What changed: ", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeletingAPageAsksFirstAndDeletesOnlyOnceConfirmed()
    {
        using var staff = await SignInAsync();
        using var visitor = factory.CreateClient();
        var slug = Unique("delete");
        var id = await SaveAsync(staff, null, "Removal Defense", slug, "Text.");
        var (editor, _) = await EditPageAsync(staff, id);

        var asked = await staff.PostAsync($"/admin/articles/{id}/delete", Form(editor));

        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var confirm = s_parser.ParseDocument(await asked.Content.ReadAsStringAsync());
        Assert.Equal("Delete this article?", confirm.QuerySelector("h1")!.TextContent);
        Assert.Contains($"“Removal Defense” leaves the public site at once: /articles/{slug} will show “page not found”.",
            confirm.QuerySelectorAll(".confirmation-consequences li").Select(li => li.TextContent));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/articles/{slug}")).StatusCode);

        var deleted = await staff.PostAsync($"/admin/articles/{id}/delete", Form(editor, ("confirmed", "true")));

        Assert.Equal(HttpStatusCode.Redirect, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/articles/{slug}")).StatusCode);
    }

    [Fact]
    public async Task TheEditorKeepsDeleteApartFromTheReviewAndSave()
    {
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        var id = await SaveAsync(attorney, null, "Visa Bulletin", Unique("apart"), "Text.");

        var page = s_parser.ParseDocument(await attorney.GetStringAsync($"/admin/articles/{id}/edit"));

        var review = page.QuerySelector($"form[action='/admin/articles/{id}/review']")!;
        var delete = page.QuerySelector($"form[action='/admin/articles/{id}/delete']")!;
        Assert.NotNull(review);
        Assert.Null(delete.Closest(".editor-layout"));
        Assert.NotNull(delete.Closest("section.content-danger"));
        Assert.Null(review.Closest("section.content-danger"));
    }

    [Fact]
    public async Task ATranslatedPracticeAreaIsComparedInItsLanguageAndAsksBeforeItIsRestoredOrDeleted()
    {
        using var staff = await SignInAsync();
        int id;
        await using (var scope = factory.CreateDbScope())
        {
            id = await scope.Db.PracticeAreas.Where(p => p.Culture == SiteCulture.Spanish && p.Slug == "asilo").Select(p => p.Id).SingleAsync();
        }

        var (editor, version) = await EditPageAsync(staff, id, "/admin/practice-areas");
        var body = WebUtility.HtmlDecode(Regex.Match(editor, "<textarea id=\"BodyMarkdown\"[^>]*>\\s*(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value);
        var saved = await staff.PostAsync($"/admin/practice-areas/{id}/edit", Form(editor,
            ("Title", "Asilo"), ("Slug", "asilo"), ("Summary", WebUtility.HtmlDecode(Regex.Match(editor, "<textarea id=\"Summary\"[^>]*>\\s*(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value)),
            ("BodyMarkdown", body.Replace("de buena reputación", "de confianza", StringComparison.Ordinal)), ("SeoTitle", ""), ("SeoDescription", ""),
            ("Status", "Published"), ("PublishAt", ""), ("Version", version.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var page = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/practice-areas/{id}/revisions/2"));
        Assert.Equal(["buena reputación"], page.QuerySelectorAll(".diff-text del").Select(e => e.TextContent));
        Assert.Equal(["confianza"], page.QuerySelectorAll(".diff-text ins").Select(e => e.TextContent));
        Assert.Equal("es", page.QuerySelector(".diff-changed")!.GetAttribute("lang"));
        Assert.Equal("en", page.QuerySelector(".diff-changed .diff-label")!.GetAttribute("lang"));
        var history = s_parser.ParseDocument(await staff.GetStringAsync($"/admin/practice-areas/{id}/revisions"));
        Assert.Contains("Text", history.QuerySelector(".revision-changes")!.TextContent, StringComparison.Ordinal);

        var restore = await staff.PostAsync($"/admin/practice-areas/{id}/revisions/1/restore", Form(editor));
        Assert.Equal("Restore revision 1?", s_parser.ParseDocument(await restore.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent);
        var (editorNow, _) = await EditPageAsync(staff, id, "/admin/practice-areas");
        Assert.Contains("Delete this Spanish translation…", editorNow, StringComparison.Ordinal);
        var delete = await staff.PostAsync($"/admin/practice-areas/{id}/delete", Form(editorNow));
        Assert.Equal("Delete this Spanish translation?", s_parser.ParseDocument(await delete.Content.ReadAsStringAsync()).QuerySelector("h1")!.TextContent);
        Assert.Equal(("confianza", 2), await StoredPracticeAreaAsync(id));
    }

    private async Task<(string BodyWord, int Revisions)> StoredPracticeAreaAsync(int id)
    {
        await using var scope = factory.CreateDbScope();
        var area = await scope.Db.PracticeAreas.SingleAsync(p => p.Id == id);
        var revisions = await scope.Db.ContentRevisions.CountAsync(r => r.Kind == ContentKind.PracticeArea && r.ContentId == id);
        return (area.BodyMarkdown.Contains("de confianza", StringComparison.Ordinal) && area.DeletedAt is null ? "confianza" : "changed", revisions);
    }

    private static string Unique(string slug) => $"{slug}-{Guid.NewGuid().ToString("N")[..8]}";

    private static string Spaces(string text) => WhiteSpace().Replace(text, " ").Trim();

    private async Task<(string Body, int Revisions)> StoredAsync(int id)
    {
        await using var scope = factory.CreateDbScope();
        var body = await scope.Db.Articles.Where(a => a.Id == id).Select(a => a.BodyMarkdown).SingleAsync();
        return (body, await scope.Db.ContentRevisions.CountAsync(r => r.Kind == ContentKind.Article && r.ContentId == id));
    }

    private async Task<HttpClient> SignInAsync(string role = StaffRoles.Staff)
    {
        var (user, key) = await StaffSessions.CreateAsync(factory, $"revisions.{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(factory, user.Email!, key);
    }

    // Saves through the editor (a null slug keeps the stored one); returns the article's id.
    private static async Task<int> SaveAsync(HttpClient client, int? id, string title, string? slug, string body, string? summary = null, string status = "Published")
    {
        var (page, version) = id is { } existing ? await EditPageAsync(client, existing) : (await client.GetStringAsync("/admin/articles/new"), 0);
        slug ??= Regex.Match(page, "id=\"Slug\" name=\"Slug\" type=\"text\" value=\"([^\"]*)\"").Groups[1].Value;
        var response = await client.PostAsync(id is null ? "/admin/articles/new" : $"/admin/articles/{id}/edit", Form(page,
            ("Title", title), ("Slug", slug), ("Summary", summary ?? "What it is about."), ("BodyMarkdown", body), ("SeoTitle", ""),
            ("SeoDescription", ""), ("Status", status), ("PublishAt", ""), ("Version", version.ToString(CultureInfo.InvariantCulture))));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return id ?? int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
    }

    private static async Task<(string Page, int Version)> EditPageAsync(HttpClient client, int id, string section = "/admin/articles")
    {
        var page = await client.GetStringAsync($"{section}/{id}/edit");
        return (page, int.Parse(Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(pageWithToken))));

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
