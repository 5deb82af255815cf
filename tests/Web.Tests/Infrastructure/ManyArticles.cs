using PiriSite.Domain.Content;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>Published articles written straight into a test site's database, one a day back from yesterday.</summary>
public static class ManyArticles
{
    /// <summary>
    /// Adds <paramref name="count"/> published articles in <paramref name="culture"/>, "{prefix}-1" the newest (all older
    /// than the seeded article), each filed under <paramref name="topicIds"/>, with bodies of about
    /// <paramref name="bodyLength"/> characters; returns their ids, newest first. The site is told to read its content again.
    /// </summary>
    public static async Task<IReadOnlyList<int>> AddAsync(
        SiteFactory site, int count, string prefix, string culture = SiteCulture.English, int[]? topicIds = null, int bodyLength = 0)
    {
        ArgumentNullException.ThrowIfNull(site);
        topicIds ??= [];
        var filler = string.Concat(Enumerable.Repeat("<p>Immigration law, explained plainly for families. </p>", bodyLength / 56));
        var articles = Enumerable.Range(1, count).Select(n => new Article
        {
            TranslationKey = $"{prefix}-{n}",
            Culture = culture,
            Title = $"{prefix} title {n}",
            Slug = $"{prefix}-{n}",
            Summary = $"Summary of {prefix} {n}.",
            BodyMarkdown = $"Body of {prefix} {n}.",
            BodyHtml = $"<p>Body of {prefix} {n}.</p>{filler}",
            AuthorName = "Michael Piri",
            Status = ContentStatus.Published,
            PublishedAt = DateTime.UtcNow.AddYears(-1).AddDays(-n),
            UpdatedAt = DateTime.UtcNow.AddYears(-1).AddDays(-n),
        }).ToList();
        await using (var scope = site.CreateDbScope())
        {
            scope.Db.Articles.AddRange(articles);
            await scope.Db.SaveChangesAsync();
            scope.Db.ArticleTopics.AddRange(articles.SelectMany(a => topicIds.Select(t => new ArticleTopic { ArticleId = a.Id, TopicId = t })));
            await scope.Db.SaveChangesAsync();
        }

        await site.Services.ReloadPublishedContentAsync();
        return [.. articles.Select(a => a.Id)];
    }

    /// <summary>Adds a topic in one language and returns its id.</summary>
    public static async Task<int> AddTopicAsync(SiteFactory site, string key, string culture, string name, string slug)
    {
        ArgumentNullException.ThrowIfNull(site);
        var topic = new Topic { TranslationKey = key, Culture = culture, Name = name, Slug = slug, UpdatedAt = DateTime.UtcNow };
        await using var scope = site.CreateDbScope();
        scope.Db.Topics.Add(topic);
        await scope.Db.SaveChangesAsync();
        return topic.Id;
    }
}
