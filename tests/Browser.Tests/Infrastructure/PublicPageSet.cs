using System.Net;
using System.Text.RegularExpressions;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Browser.Tests.Infrastructure;

/// <summary>One public page as a visitor receives it, or why it could not be had as expected.</summary>
public sealed record PublicPage(SiteLanguage Language, string Name, HttpStatusCode ExpectedStatus, HttpStatusCode? Status, string Html, string? Problem)
{
    /// <summary>The language the page's &lt;html lang&gt; declares, "" when it declares none.</summary>
    public string DeclaredLanguage => PublicPageSet.HtmlLang(Html);
}

/// <summary>
/// Every page a visitor can be shown, in every language: the sitemap's pages, each seeded page at its translated
/// address (so a page missing from the sitemap is still checked), the not-found pages, the consultation form
/// shown again with an error, and the confirmation page.
/// </summary>
public static partial class PublicPageSet
{
    public static async Task<IReadOnlyList<PublicPage>> CollectAsync(SiteFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var sitemap = await SitemapPathsAsync(factory);
        var pages = new List<PublicPage>();
        foreach (var language in SiteLanguage.All)
        {
            var paths = sitemap.Where(path => SiteLanguage.FromPath(path) == language)
                .Union(TranslatedRoutes.All(language), StringComparer.Ordinal);
            foreach (var path in paths)
            {
                pages.Add(await GetAsync(factory, language, path, HttpStatusCode.OK));
            }

            foreach (var missing in new[]
                     {
                         SitePaths.Localize(language, "no-such-page"),
                         SitePaths.PracticeArea(language, "no-such-practice-area"),
                         SitePaths.Article(language, "no-such-article"),
                     })
            {
                pages.Add(await GetAsync(factory, language, missing, HttpStatusCode.NotFound));
            }

            pages.Add(await ConsultationWithAnErrorAsync(factory, language));
            pages.Add(await ConfirmationAsync(factory, language));
        }

        // The error page that 500, 429, 413 and 415 share (the language comes from the address it answers).
        pages.Add(await GetAsync(factory, SiteLanguage.English, "/error/500", HttpStatusCode.InternalServerError));
        return pages;
    }

    public static string HtmlLang(string html) =>
        HtmlLangPattern().Match(html) is { Success: true } match ? match.Groups[1].Value : "";

    private static async Task<IReadOnlyList<string>> SitemapPathsAsync(SiteFactory factory)
    {
        // The index names each language's sitemap; those name the pages.
        using var client = factory.CreateClient();
        var paths = new List<string>();
        foreach (var sitemap in Locations(await client.GetStringAsync("/sitemap.xml")))
        {
            paths.AddRange(Locations(await client.GetStringAsync(sitemap)));
        }

        return paths;
    }

    private static IEnumerable<string> Locations(string sitemap) =>
        LocPattern().Matches(sitemap).Select(match => new Uri(WebUtility.HtmlDecode(match.Groups[1].Value)).AbsolutePath);

    private static async Task<PublicPage> GetAsync(SiteFactory factory, SiteLanguage language, string path, HttpStatusCode expected)
    {
        using var client = factory.CreateClient();
        using var response = await client.GetAsync(path);
        return await PageAsync(language, path, expected, response);
    }

    /// <summary>The form posted without a name: it comes back with the error summary and the field's message.</summary>
    private static async Task<PublicPage> ConsultationWithAnErrorAsync(SiteFactory factory, SiteLanguage language)
    {
        var path = SitePaths.Section(language, SiteSection.Consultation);
        var name = $"{path} (posted without a name)";
        try
        {
            using var client = factory.CreateClient();
            var form = await ConsultationForm.LoadAsync(client, path);
            var values = ConsultationForm.ValidValues();
            values["FullName"] = "";
            using var response = await client.PostAsync(path, form.Content(values));
            return await PageAsync(language, name, HttpStatusCode.UnprocessableEntity, response);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
        {
            return Failed(language, name, HttpStatusCode.UnprocessableEntity, exception.Message);
        }
    }

    /// <summary>A valid request, sent from the page in <paramref name="language"/>, then the confirmation page it leads to.</summary>
    private static async Task<PublicPage> ConfirmationAsync(SiteFactory factory, SiteLanguage language)
    {
        var path = SitePaths.Section(language, SiteSection.Consultation);
        var received = SitePaths.Section(language, SiteSection.ConsultationReceived);
        try
        {
            using var client = factory.CreateClient();
            var form = await ConsultationForm.LoadAsync(client, path);
            using var sent = await client.PostAsync(path, form.Content());
            var location = sent.Headers.Location?.OriginalString;
            if (sent.StatusCode != HttpStatusCode.Redirect || location != received)
            {
                return Failed(language, received, HttpStatusCode.OK,
                    $"a valid request posted to {path} was answered {(int)sent.StatusCode} {location}, not a redirect to {received}");
            }

            using var response = await client.GetAsync(received);
            return await PageAsync(language, received, HttpStatusCode.OK, response);
        }
        catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException)
        {
            return Failed(language, received, HttpStatusCode.OK, exception.Message);
        }
    }

    private static async Task<PublicPage> PageAsync(SiteLanguage language, string name, HttpStatusCode expected, HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync();
        var isHtml = response.Content.Headers.ContentType?.MediaType == "text/html";
        var problem = response.StatusCode != expected
            ? $"answered {(int)response.StatusCode}{(response.Headers.Location is { } to ? $" (to {to})" : "")}, expected {(int)expected}"
            : !isHtml ? $"answered {response.Content.Headers.ContentType}, not text/html" : null;
        return new PublicPage(language, name, expected, response.StatusCode, isHtml ? html : "", problem);
    }

    private static PublicPage Failed(SiteLanguage language, string name, HttpStatusCode expected, string problem) =>
        new(language, name, expected, null, "", problem);

    [GeneratedRegex("<loc>([^<]+)</loc>")]
    private static partial Regex LocPattern();

    [GeneratedRegex("<html[^>]*\\slang=\"([^\"]*)\"")]
    private static partial Regex HtmlLangPattern();
}
