using System.Net;
using System.Net.Http.Headers;
using AngleSharp.Html.Parser;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// What staff type outside the article editor (practice areas, the firm profile, image alt text, staff names) is
/// shown on public pages and in other staff members' sessions: the same vectors as the editor's, everywhere it shows.
/// </summary>
public sealed class EditedTextIsNeverMarkupTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly HtmlParser s_parser = new();

    [Theory]
    [MemberData(nameof(XssVectors.Theory), MemberType = typeof(XssVectors))]
    public async Task ScriptTypedIntoAPracticeAreaIsInertOnEveryPageThatShowsIt(string vector)
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        using var visitor = factory.CreateClient();
        var name = "Area " + vector;
        var slug = "xss-" + Guid.NewGuid().ToString("N")[..8];
        var page = await staff.GetStringAsync("/admin/practice-areas/new");
        var response = await staff.PostAsync("/admin/practice-areas/new", Form(page,
            ("Title", name), ("Slug", slug), ("Summary", "Summary " + vector), ("BodyMarkdown", "Body " + vector + "\n\n" + vector),
            ("SeoTitle", "T " + vector[..Math.Min(vector.Length, 60)]), ("SeoDescription", "D " + vector), ("Status", "Published"), ("PublishAt", ""),
            ("Version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = response.Headers.Location!.OriginalString.Split('/')[3];

        // Its name is also in the consultation form's list and in the inbox's filter.
        foreach (var (who, path) in new[]
        {
            (visitor, $"/practice-areas/{slug}"), (visitor, "/practice-areas"), (visitor, "/consultation"),
            (staff, $"/admin/practice-areas/{id}/edit"), (staff, "/admin/practice-areas"), (staff, $"/admin/practice-areas/{id}/revisions/1"), (staff, "/admin/leads"),
        })
        {
            XssVectors.AssertShownAsText(await who.GetStringAsync(path), name, path);
        }

        ActiveContent.AssertNone(await visitor.GetStringAsync("/"), "/");
    }

    [Theory]
    [MemberData(nameof(XssVectors.Theory), MemberType = typeof(XssVectors))]
    public async Task ScriptTypedIntoTheFirmProfileIsInertOnEveryPublicPage(string vector)
    {
        // Its own site: the profile is on every page, and each case adds to every field.
        using var site = new SiteFactory();
        using var attorney = await SignInAsync(StaffRoles.Attorney, site);
        var page = await attorney.GetStringAsync("/admin/firm");
        var fields = s_parser.ParseDocument(page)
            .QuerySelectorAll("form[action='/admin/firm'] input[name], form[action='/admin/firm'] textarea[name]")
            .ToDictionary(e => e.GetAttribute("name")!, e => e.LocalName == "textarea" ? e.TextContent : e.GetAttribute("value") ?? "");
        var firmName = "Piri Law " + vector;
        foreach (var field in fields.Keys.Except(["Phone", "Version", "__RequestVerificationToken"]).ToList())
        {
            fields[field] = field == "FirmName" ? firmName : (fields[field] + " " + vector).Trim();
        }

        var saved = await attorney.PostAsync("/admin/firm", new FormUrlEncodedContent(fields));

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        using var visitor = site.CreateClient();
        foreach (var path in PublicRoutes.All)
        {
            XssVectors.AssertShownAsText(await visitor.GetStringAsync(path), firmName, path);
        }

        XssVectors.AssertShownAsText(await attorney.GetStringAsync("/admin/firm"), firmName, "/admin/firm");
        System.Xml.Linq.XDocument.Parse(await visitor.GetStringAsync("/articles/feed.xml"));
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/social-card.png")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(XssVectors.Theory), MemberType = typeof(XssVectors))]
    public async Task ScriptTypedAsAltTextIsInertInTheLibraryAndOnThePageThatShowsTheImage(string vector)
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        var alt = "Photo " + vector;
        var media = await staff.GetStringAsync("/admin/media");
        Assert.Equal(HttpStatusCode.Redirect, (await staff.PostAsync("/admin/media", Upload(media, alt))).StatusCode);

        var library = await staff.GetStringAsync("/admin/media");
        XssVectors.AssertShownAsText(library, alt, "/admin/media");
        var item = s_parser.ParseDocument(library).QuerySelectorAll("li.media-item").First(li => li.QuerySelector("img")?.GetAttribute("alt") == alt);
        var url = item.QuerySelector("img")!.GetAttribute("src")!;
        var markdown = item.QuerySelector("input[readonly]")!.GetAttribute("value")!;

        // The Markdown the library offers, pasted into a published article as staff are told to.
        var slug = "alt-" + Guid.NewGuid().ToString("N")[..8];
        var page = await staff.GetStringAsync("/admin/articles/new");
        var response = await staff.PostAsync("/admin/articles/new", Form(page,
            ("Title", "Image page"), ("Slug", slug), ("Summary", "Summary"), ("BodyMarkdown", "Before.\n\n" + markdown + "\n\nAfter."), ("SeoTitle", ""),
            ("SeoDescription", ""), ("Status", "Published"), ("PublishAt", ""), ("Version", "0")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        using var visitor = factory.CreateClient();
        var article = await visitor.GetStringAsync($"/articles/{slug}");
        ActiveContent.AssertNone(article, $"/articles/{slug}");
        var image = s_parser.ParseDocument(article).QuerySelectorAll("article img").Single(img => img.GetAttribute("src") == url);
        Assert.Equal(alt, image.GetAttribute("alt"));
    }

    [Theory]
    [MemberData(nameof(XssVectors.Theory), MemberType = typeof(XssVectors))]
    public async Task ScriptTypedAsAStaffNameIsInertWhereverTheNameShows(string vector)
    {
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        var name = "Pat " + vector;
        var email = $"{Guid.NewGuid():N}@pirisite.test";
        var staffPage = await attorney.GetStringAsync("/admin/staff");
        var created = await attorney.PostAsync("/admin/staff", Form(staffPage,
            ("DisplayName", name), ("Email", email), ("Role", StaffRoles.Attorney), ("Password", StaffSessions.Password)));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        XssVectors.AssertShownAsText(await attorney.GetStringAsync("/admin/staff"), name, "/admin/staff");

        // The new member signs in (an authenticator set up for them, as they would at first sign-in).
        string key;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            key = (await users.GetAuthenticatorKeyAsync(user))!;
        }

        using var member = await StaffSessions.SignInAsync(factory, email, key);
        ActiveContent.AssertNone(await member.GetStringAsync("/admin"), "/admin as the new member");

        // Their name on a lead: assigned to them, and as the author of a note.
        using var visitor = factory.CreateClient();
        var form = await ConsultationForm.LoadAsync(visitor);
        Assert.Equal(HttpStatusCode.Redirect, (await form.PostAsync(visitor)).StatusCode);
        var reference = await ReferenceAsync(form["IdempotencyKey"]);
        var lead = await member.GetStringAsync($"/admin/leads/{reference}");
        var memberId = s_parser.ParseDocument(lead).QuerySelectorAll("#AssignedTo option").Single(o => o.TextContent == name).GetAttribute("value")!;
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/admin/leads/{reference}", Form(lead, ("Note", "Called back.")))).StatusCode);
        var assigned = await attorney.PostAsync($"/admin/leads/{reference}", Form(await attorney.GetStringAsync($"/admin/leads/{reference}"), ("AssignedTo", memberId)));
        Assert.Equal(HttpStatusCode.Redirect, assigned.StatusCode);
        foreach (var path in new[] { $"/admin/leads/{reference}", "/admin/leads" })
        {
            XssVectors.AssertShownAsText(await attorney.GetStringAsync(path), name, path);
        }

        Assert.Contains(Csv.Parse(await attorney.GetStringAsync("/admin/leads/export")), row => row[0] == reference && row[11] == name);

        // Their name on content: the revision they saved, and the attorney's review on the public article.
        int articleId;
        await using (var scope = factory.CreateDbScope())
        {
            articleId = await scope.Db.Articles.Where(a => a.Slug == PublicRoutes.ArticleSlug).Select(a => a.Id).SingleAsync();
        }

        var edit = await member.GetStringAsync($"/admin/articles/{articleId}/edit");
        Assert.Equal(HttpStatusCode.Redirect, (await member.PostAsync($"/admin/articles/{articleId}/review", Form(edit))).StatusCode);
        XssVectors.AssertShownAsText(await visitor.GetStringAsync($"/articles/{PublicRoutes.ArticleSlug}"), name, "the reviewed article");
        XssVectors.AssertShownAsText(await attorney.GetStringAsync($"/admin/articles/{articleId}/edit"), name, "the article's editor");
    }

    private async Task<string> ReferenceAsync(string idempotencyKey)
    {
        await using var scope = factory.CreateDbScope();
        var key = Guid.Parse(idempotencyKey);
        return await scope.Db.ConsultationRequests.Where(r => r.IdempotencyKey == key).Select(r => r.Reference).SingleAsync();
    }

    private async Task<HttpClient> SignInAsync(string role, SiteFactory? site = null)
    {
        site ??= factory;
        var (user, key) = await StaffSessions.CreateAsync(site, $"{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(site, user.Email!, key);
    }

    private static FormUrlEncodedContent Form(string page, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value)).Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(page))));

    private static MultipartFormDataContent Upload(string page, string alt)
    {
        byte[] png;
        using (var bitmap = new SKBitmap(64, 48))
        {
            bitmap.Erase(SKColors.SteelBlue);
            using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
            png = encoded.ToArray();
        }

        var file = new ByteArrayContent(png);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        return new MultipartFormDataContent
        {
            { new StringContent(StaffSessions.AntiforgeryToken(page)), "__RequestVerificationToken" },
            { new StringContent(alt), "altText" },
            { file, "file", "photo.png" },
        };
    }
}
