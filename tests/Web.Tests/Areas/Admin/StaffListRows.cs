using System.Text.RegularExpressions;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

/// <summary>
/// Rows for the staff lists' tests, written straight into the database (thousands in a second or two, where the
/// editor would take minutes), and readers of the lists' markup.
/// </summary>
internal static partial class StaffListRows
{
    public static readonly DateTime Start = new(2025, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>
    /// <paramref name="count"/> English articles titled "<paramref name="prefix"/> N" (N from 1; the higher, the more
    /// recently edited), with a Spanish translation of every <paramref name="spanishEvery"/>th (0: none).
    /// Returns their ids by N.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, int>> AddArticlesAsync(
        SiteFactory site, string prefix, int count, int spanishEvery = 0, int bodyLength = 200)
    {
        await using var scope = site.CreateDbScope();
        var db = scope.Db;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var body = string.Concat(Enumerable.Repeat("Words of the article body. ", Math.Max(1, bodyLength / 27)));
        var slugPrefix = Slug.FromTitle(prefix);
        var english = new Dictionary<int, Article>();
        for (var n = 1; n <= count; n++)
        {
            var at = Start.AddMinutes(n);
            var article = Article(prefix, slugPrefix, n, SiteCulture.English, body, at);
            english[n] = article;
            db.Articles.Add(article);
            if (spanishEvery > 0 && n % spanishEvery == 0)
            {
                var spanish = Article(prefix, slugPrefix, n, SiteCulture.Spanish, body, at);
                spanish.SourceTextVersion = 1;
                db.Articles.Add(spanish);
            }
        }

        await db.SaveChangesAsync();
        return english.ToDictionary(a => a.Key, a => a.Value.Id);
    }

    private static Article Article(string prefix, string slugPrefix, int n, string culture, string body, DateTime at) => new()
    {
        TranslationKey = $"{slugPrefix}-{n}",
        Culture = culture,
        Title = $"{prefix} {n}",
        Slug = $"{slugPrefix}-{n}",
        Summary = $"Summary of {prefix} {n}",
        BodyMarkdown = body,
        BodyHtml = $"<p>{body}</p>",
        RenderVersion = MarkdownRenderer.OutputVersion,
        Status = ContentStatus.Published,
        PublishedAt = at,
        UpdatedAt = at,
        Version = 1,
    };

    /// <summary>Revisions 1 to <paramref name="count"/> of an article, saved a minute apart by "Editor N", each with its full text.</summary>
    public static async Task AddRevisionsAsync(SiteFactory site, int articleId, int count, int bodyLength = 200, Func<int, string>? savedBy = null)
    {
        await using var scope = site.CreateDbScope();
        var db = scope.Db;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        for (var number = 1; number <= count; number++)
        {
            db.ContentRevisions.Add(new ContentRevision
            {
                Kind = ContentKind.Article,
                ContentId = articleId,
                Number = number,
                SavedAt = Start.AddMinutes(number),
                SavedByName = savedBy?.Invoke(number) ?? $"Editor {number % 7}",
                Note = number == 1 ? "Created" : "Edited",
                Title = $"Title at revision {number}",
                Slug = "revised-article",
                Summary = "A summary",
                BodyMarkdown = $"Paragraph one.\n\nRevision {number} says this. " + new string('x', bodyLength),
                Status = ContentStatus.Published,
                PublishedAt = Start,
                Changes = number == 1 ? RevisionChanges.None : RevisionChanges.Text,
            });
        }

        await db.SaveChangesAsync();
    }

    /// <summary><paramref name="count"/> images' rows (no files: the list shows rows) with the alt text "<paramref name="alt"/> N".</summary>
    public static async Task<IReadOnlyList<MediaFile>> AddImagesAsync(SiteFactory site, string alt, int count)
    {
        await using var scope = site.CreateDbScope();
        var files = Enumerable.Range(1, count).Select(n => new MediaFile
        {
            StoredName = $"{Guid.NewGuid():N}.png",
            ContentType = "image/png",
            SizeBytes = 1000,
            Width = 10,
            Height = 10,
            Variants = "",
            AltText = $"{alt} {n}",
            UploadedAt = Start.AddMinutes(n),
            UploadedBy = "staff@pirisite.test",
        }).ToList();
        scope.Db.MediaFiles.AddRange(files);
        await scope.Db.SaveChangesAsync();
        return files;
    }

    /// <summary>The titles of the content list's rows, in order.</summary>
    public static IReadOnlyList<string> ListedTitles(string html) =>
        ContentRowTitle().Matches(html).Select(m => Html.Text(m.Groups[1].Value)).ToList();

    /// <summary>The numbers of the history's revisions, in order.</summary>
    public static IReadOnlyList<int> ListedRevisions(string html) =>
        RevisionTitle().Matches(html).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    /// <summary>The alt texts of the library's images, in order.</summary>
    public static IReadOnlyList<string> ListedImages(string html) =>
        MediaAlt().Matches(html).Select(m => Html.Text(m.Groups[1].Value)).ToList();

    /// <summary>The result count line ("1–50 of 10,000 articles, newest edit first").</summary>
    public static string Count(string html) =>
        ResultCount().Match(html) is { Success: true } m ? Html.Text(m.Groups[1].Value) : "";

    /// <summary>The page links' addresses by their text ("Next page" → "/admin/articles?q=x&amp;page=3"), decoded.</summary>
    public static IReadOnlyDictionary<string, string> PageLinks(string html) =>
        PagerLink().Matches(html).ToDictionary(m => m.Groups[2].Value, m => System.Net.WebUtility.HtmlDecode(m.Groups[1].Value));

    [GeneratedRegex("<td class=\"content-row-title\"><a href=\"[^\"]*\">(.*?)</a>", RegexOptions.Singleline)]
    private static partial Regex ContentRowTitle();

    [GeneratedRegex("<h2 class=\"revision-title\" id=\"revision-(\\d+)\">")]
    private static partial Regex RevisionTitle();

    [GeneratedRegex("<p class=\"media-alt\"[^>]*>(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex MediaAlt();

    [GeneratedRegex("<p class=\"result-count\">(.*?)</p>", RegexOptions.Singleline)]
    private static partial Regex ResultCount();

    [GeneratedRegex("<a href=\"([^\"]*)\"(?: rel=\"(?:prev|next)\")?>((?:First|Previous|Next|Last) page)</a>")]
    private static partial Regex PagerLink();
}
