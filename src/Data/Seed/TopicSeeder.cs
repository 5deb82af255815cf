using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Seed;

/// <summary>
/// The default topics (the "topics" of each language's site.json) for a language that has none yet, with the seeded
/// articles of that language filed under the topics the English manifest names for them. After that the list is
/// staff's (/admin/topics): a topic they delete or rename stays deleted or renamed, because a language that has
/// topics gets nothing from here. (Only a language whose every topic was deleted gets the defaults again.)
/// </summary>
internal sealed class TopicSeeder(SiteDbContext db, TimeProvider clock)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var present = await db.Topics.Select(t => t.Culture).Distinct().ToListAsync(cancellationToken);
        var missing = SiteCulture.Supported.Where(c => !present.Contains(c)).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var english = SiteContentSeeder.ReadManifest("");
        var filed = english.Articles.Where(a => a.Topics is { Count: > 0 })
            .ToDictionary(a => a.TranslationKey, a => a.Topics!, StringComparer.Ordinal);
        foreach (var culture in missing)
        {
            var manifest = culture == SiteCulture.English ? english : SiteContentSeeder.ReadManifest(culture + "/");
            var topics = (manifest.Topics ?? []).Select((seed, index) => new Topic
            {
                TranslationKey = seed.TranslationKey,
                Culture = culture,
                Name = seed.Name,
                Slug = seed.Slug,
                Description = seed.Description,
                DisplayOrder = (index + 1) * 10,
                UpdatedAt = now,
            }).ToList();
            db.Topics.AddRange(topics);
            // The topics need their ids before the articles can be filed under them.
            await db.SaveChangesAsync(cancellationToken);

            var keys = filed.Keys.ToList();
            var articles = await db.Articles.Where(a => a.Culture == culture && keys.Contains(a.TranslationKey))
                .Select(a => new { a.Id, a.TranslationKey }).ToListAsync(cancellationToken);
            var topicIds = topics.ToDictionary(t => t.TranslationKey, t => t.Id, StringComparer.Ordinal);
            foreach (var article in articles)
            {
                foreach (var key in filed[article.TranslationKey].Where(topicIds.ContainsKey))
                {
                    db.ArticleTopics.Add(new ArticleTopic { ArticleId = article.Id, TopicId = topicIds[key] });
                }
            }

            await db.SaveChangesAsync(cancellationToken);
        }
    }
}
