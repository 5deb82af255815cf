using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>Staff keep the three languages in step: each page's translations, their states, the dashboard's lists.</summary>
public sealed partial class TranslationsTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly HtmlParser s_parser = new();

    [Fact]
    public async Task TheListShowsEachEnglishPagesTranslationsAndTheirStates()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);

        var list = s_parser.ParseDocument(await staff.GetStringAsync("/admin/practice-areas"));

        Assert.Equal(["Name (English)", "Status", "Spanish", "French", "Last edited (Central Time)", "Actions"],
            list.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        var asylum = list.QuerySelectorAll("tbody tr").Single(tr => tr.QuerySelector("td a")!.TextContent == "Asylum");
        var spanish = asylum.QuerySelectorAll("td.translation-cell")[0];
        // Seeded translations are published, in step with the English, and not yet reviewed by the attorney.
        Assert.Equal(["Published", "Not reviewed"], spanish.QuerySelectorAll(".badge").Select(b => b.TextContent));
        var spanishId = await ScalarAsync(db => db.PracticeAreas.Where(p => p.Culture == SiteCulture.Spanish && p.Slug == "asilo").Select(p => p.Id));
        Assert.Equal($"/admin/practice-areas/{spanishId}/edit", spanish.QuerySelector("a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task AddingATranslationOpensADraftBesideTheEnglishSourceAndTheDashboardFollowsItsState()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        var englishId = await SaveAsync(staff, null, "Bond Hearings", "bond-hearings", "## What a bond is\n\nThe first text.");
        Assert.Contains(("Missing", "Bond Hearings (Spanish, article)"), await DashboardAsync(staff));
        var editor = await staff.GetStringAsync($"/admin/articles/{englishId}/edit");
        Assert.Contains("Add Spanish translation", editor, StringComparison.Ordinal);

        var added = await staff.PostAsync($"/admin/articles/{englishId}/translations/es", Form(editor));

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        var spanishId = await ScalarAsync(db => db.Articles.Where(a => a.Culture == SiteCulture.Spanish && a.TranslationKey == "bond-hearings").Select(a => a.Id));
        Assert.Equal($"/admin/articles/{spanishId}/edit", added.Headers.Location!.OriginalString);
        var translation = s_parser.ParseDocument(await staff.GetStringAsync(added.Headers.Location));
        var source = translation.QuerySelector("section.translation-source")!;
        Assert.Equal("English text (version 1)", source.QuerySelector("h2")!.TextContent);
        Assert.Equal("## What a bond is\n\nThe first text.", source.QuerySelector("pre")!.TextContent);
        Assert.Equal("es", translation.QuerySelector("#BodyMarkdown")!.GetAttribute("lang"));
        Assert.Equal("1", translation.QuerySelector("#MatchesSourceVersion")!.GetAttribute("value"));
        Assert.Contains("This is still the English address", translation.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("/es/articulos/", translation.QuerySelector("#slug-hint")!.TextContent, StringComparison.Ordinal);
        var dashboard = await DashboardAsync(staff);
        Assert.DoesNotContain(("Missing", "Bond Hearings (Spanish, article)"), dashboard);
        Assert.Contains(("Missing", "Bond Hearings (French, article)"), dashboard);
        Assert.Contains(("Not reviewed by the attorney", "Bond Hearings (Spanish, article)"), dashboard);

        // A change of substance to the English puts the translation out of date, on the list, the dashboard and its editor.
        await SaveAsync(staff, englishId, "Bond Hearings", "bond-hearings", "## What a bond is\n\nThe rule changed.");
        Assert.Contains(("Out of date", "Bond Hearings (Spanish, article)"), await DashboardAsync(staff));
        Assert.Contains("Out of date", await staff.GetStringAsync("/admin/articles"), StringComparison.Ordinal);
        var outOfDate = await staff.GetStringAsync($"/admin/articles/{spanishId}/edit");
        Assert.Contains("English text (version 2)", outOfDate, StringComparison.Ordinal);
        Assert.Contains("this translation matches version 1", outOfDate, StringComparison.Ordinal);

        // The translator ticks the box (it carries the English version shown): in step again.
        await SaveAsync(staff, spanishId, "Audiencias de fianza", "audiencias-de-fianza", "## Qué es una fianza\n\nLa regla cambió.", ("MatchesSourceVersion", "2"));
        Assert.DoesNotContain(("Out of date", "Bond Hearings (Spanish, article)"), await DashboardAsync(staff));

        // A typo fix marked as minor leaves it in step.
        await SaveAsync(staff, englishId, "Bond Hearings", "bond-hearings", "## What a bond is\n\nThe rule changed!", ("MinorChange", "true"));
        Assert.DoesNotContain(("Out of date", "Bond Hearings (Spanish, article)"), await DashboardAsync(staff));
        Assert.Equal(2, await ScalarAsync(db => db.Articles.Where(a => a.Id == englishId).Select(a => a.TextVersion)));
    }

    [Fact]
    public async Task PublishingATranslationWithoutItsLanguagesLegalTextsIsRefusedWithWhereToAddThem()
    {
        using var staff = await SignInAsync(StaffRoles.Staff);
        var englishId = await SaveAsync(staff, null, "Work Permits", "work-permits-legal", "Text.");
        var editor = await staff.GetStringAsync($"/admin/articles/{englishId}/edit");
        var frenchId = int.Parse((await staff.PostAsync($"/admin/articles/{englishId}/translations/fr", Form(editor))).Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
        var disclaimer = await ScalarAsync(db => db.FirmProfiles.Where(f => f.Culture == SiteCulture.French).Select(f => f.AdvertisingDisclaimer));
        await using (var scope = factory.CreateDbScope())
        {
            await scope.Db.FirmProfiles.Where(f => f.Culture == SiteCulture.French).ExecuteUpdateAsync(u => u.SetProperty(f => f.AdvertisingDisclaimer, ""));
        }

        try
        {
            var (page, version) = await EditPageAsync(staff, frenchId);
            var refused = await staff.PostAsync($"/admin/articles/{frenchId}/edit", Form(page, Fields("Permis de travail", "permis-de-travail", "Texte.", version, "Published")));

            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
            var html = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Contains("the French firm profile lacks the attorney advertising notice", html, StringComparison.Ordinal);
            Assert.Contains("(/admin/firm?culture=fr)", html, StringComparison.Ordinal);
            Assert.Equal(ContentStatus.Draft, await ScalarAsync(db => db.Articles.Where(a => a.Id == frenchId).Select(a => a.Status)));
        }
        finally
        {
            await using var scope = factory.CreateDbScope();
            await scope.Db.FirmProfiles.Where(f => f.Culture == SiteCulture.French).ExecuteUpdateAsync(u => u.SetProperty(f => f.AdvertisingDisclaimer, disclaimer));
        }
    }

    [Fact]
    public async Task TheAttorneyReviewsAPracticeAreaTranslationAndItLeavesTheDashboardsList()
    {
        using var attorney = await SignInAsync(StaffRoles.Attorney);
        Assert.Contains(("Not reviewed by the attorney", "Asylum (French, practice area)"), await DashboardAsync(attorney));
        var frenchId = await ScalarAsync(db => db.PracticeAreas.Where(p => p.Culture == SiteCulture.French && p.TranslationKey == "asylum").Select(p => p.Id));
        var (page, version) = await EditPageAsync(attorney, frenchId, "practice-areas");

        var reviewed = await attorney.PostAsync($"/admin/practice-areas/{frenchId}/review", Form(page, ("version", version.ToString(CultureInfo.InvariantCulture))));

        Assert.Equal(HttpStatusCode.Redirect, reviewed.StatusCode);
        Assert.Contains("Marked as reviewed by the attorney today.", await attorney.GetStringAsync(reviewed.Headers.Location), StringComparison.Ordinal);
        Assert.DoesNotContain(("Not reviewed by the attorney", "Asylum (French, practice area)"), await DashboardAsync(attorney));
    }

    private async Task<HttpClient> SignInAsync(string role)
    {
        _ = factory.Services;
        var (user, key) = await StaffSessions.CreateAsync(factory, $"translations.{Guid.NewGuid():N}@pirisite.test", role);
        return await StaffSessions.SignInAsync(factory, user.Email!, key);
    }

    /// <summary>The dashboard's translation lists as (list heading without its count, item text).</summary>
    private static async Task<List<(string List, string Item)>> DashboardAsync(HttpClient client)
    {
        var document = s_parser.ParseDocument(await client.GetStringAsync("/admin"));
        return document.QuerySelectorAll(".translation-work-grid > section")
            .SelectMany(section => section.QuerySelectorAll("li").Select(li =>
                (Count().Replace(section.QuerySelector("h3")!.TextContent, ""), Regex.Replace(li.TextContent, "\\s+", " ").Trim())))
            .ToList();
    }

    private async Task<T> ScalarAsync<T>(Func<PiriSite.Data.SiteDbContext, IQueryable<T>> query)
    {
        await using var scope = factory.CreateDbScope();
        return await query(scope.Db).SingleAsync();
    }

    private static async Task<int> SaveAsync(HttpClient client, int? id, string title, string slug, string body, params (string, string)[] extra)
    {
        var (page, version) = id is { } existing ? await EditPageAsync(client, existing) : (await client.GetStringAsync("/admin/articles/new"), 0);
        var response = await client.PostAsync(id is null ? "/admin/articles/new" : $"/admin/articles/{id}/edit",
            Form(page, [.. Fields(title, slug, body, version, "Published"), .. extra]));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return id ?? int.Parse(response.Headers.Location!.OriginalString.Split('/')[3], CultureInfo.InvariantCulture);
    }

    private static (string, string)[] Fields(string title, string slug, string body, int version, string status) =>
    [
        ("Title", title), ("Slug", slug), ("Summary", "A summary."), ("BodyMarkdown", body), ("SeoTitle", ""), ("SeoDescription", ""),
        ("Status", status), ("PublishAt", ""), ("Version", version.ToString(CultureInfo.InvariantCulture)),
    ];

    private static async Task<(string Page, int Version)> EditPageAsync(HttpClient client, int id, string section = "articles")
    {
        var page = await client.GetStringAsync($"/admin/{section}/{id}/edit");
        return (page, int.Parse(Regex.Match(page, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value, CultureInfo.InvariantCulture));
    }

    private static FormUrlEncodedContent Form(string pageWithToken, params (string Name, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Name, f.Value))
            .Append(new("__RequestVerificationToken", StaffSessions.AntiforgeryToken(pageWithToken))));

    [GeneratedRegex(" \\(\\d+\\)$")]
    private static partial Regex Count();
}
