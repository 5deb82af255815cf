using System.Globalization;
using System.Security.Claims;
using PiriSite.Web.Services.Caching;

namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// The staff side of topics: the list in every language, a topic's creation, changes, order and deletion (each with
/// its audit entry in the same save, and the cached public pages evicted: topic names and addresses are on the
/// article pages), and the topics the article editor offers.
/// </summary>
public sealed class TopicService(SiteDbContext db, AuditLog audit, PublicPageCache pageCache, TimeProvider clock)
{
    /// <summary>Every topic, in the order the public site lists them (display order, then English name).</summary>
    public async Task<IReadOnlyList<TopicGroup>> ListAsync()
    {
        var topics = await db.Topics.AsNoTracking().ToListAsync();
        return Group(topics, await ArticleCountsAsync(null));
    }

    /// <summary>The topic that row <paramref name="id"/> (in any language) is a version of, in all its languages.</summary>
    public async Task<TopicGroup?> FindAsync(int id)
    {
        var rows = await FamilyOfAsync(id, tracked: false);
        return rows.Count == 0 ? null : Group(rows, await ArticleCountsAsync(rows.Select(t => t.Id).ToList())).Single();
    }

    /// <summary>The topics the article editor offers an article in <paramref name="culture"/>, in the list's order.</summary>
    public async Task<IReadOnlyList<TopicChoice>> ChoicesAsync(string culture) =>
        await db.Topics.AsNoTracking().Where(t => t.Culture == culture)
            .OrderBy(t => t.DisplayOrder).ThenBy(t => t.Name)
            .Select(t => new TopicChoice(t.Id, t.Name)).ToListAsync();

    /// <summary>The topics article <paramref name="articleId"/> is filed under.</summary>
    public async Task<IReadOnlyList<int>> TopicsOfAsync(int articleId) =>
        await db.ArticleTopics.AsNoTracking().Where(l => l.ArticleId == articleId).Select(l => l.TopicId).ToListAsync();

    /// <summary>Creates a topic (<paramref name="id"/> null) or saves topic <paramref name="id"/>, in every language at once.</summary>
    public async Task<TopicSaveOutcome> SaveAsync(int? id, TopicSubmission submission, ClaimsPrincipal actor)
    {
        var rows = id is { } existing ? await FamilyOfAsync(existing, tracked: true) : [];
        if (id is not null && rows.Count == 0)
        {
            return TopicSaveOutcome.NotFound;
        }

        var (values, errors) = TopicRules.Validate(submission);
        if (values is null)
        {
            return TopicSaveOutcome.Invalid(errors);
        }

        var own = rows.Select(t => t.Id).ToList();
        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var language in values.Languages)
        {
            if (await db.Topics.AnyAsync(t => t.Culture == language.Culture && t.Slug == language.Slug && !own.Contains(t.Id)))
            {
                taken[TopicRules.Field("Slug", language.Culture)] =
                    $"Another {ContentLabels.Language(language.Culture)} topic already uses the address \"{language.Slug}\". Choose another.";
            }
        }

        if (taken.Count > 0)
        {
            return TopicSaveOutcome.Invalid(taken);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var isNew = rows.Count == 0;
        // A new topic's key is its first English address, kept for good (as a page's is), so renaming never loses its translations.
        var key = isNew ? await FreeKeyAsync(values.Languages[0].Slug) : rows[0].TranslationKey;
        var order = values.DisplayOrder ?? await LastOrderAsync(own);
        var changes = new List<string>();
        if (!isNew && rows[0].DisplayOrder != order)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"display order {rows[0].DisplayOrder} → {order}"));
        }

        foreach (var language in values.Languages)
        {
            var row = rows.FirstOrDefault(t => t.Culture == language.Culture);
            // A renamed topic's old address answers 301, as a page's does; an address taken back is this topic's again.
            await db.MoveSlugAsync(ContentKind.Topic, language.Culture, row?.Id ?? 0, row?.Slug, language.Slug);
            if (row is null)
            {
                row = new Topic { TranslationKey = key, Culture = language.Culture, Name = language.Name, Slug = language.Slug };
                db.Topics.Add(row);
                rows.Add(row);
                changes.Add($"{ContentLabels.Language(language.Culture)}: {language.Name} ({language.Slug})");
            }
            else
            {
                changes.AddRange(TopicLabels.Changes(row, language));
            }

            row.Name = language.Name;
            row.Slug = language.Slug;
            row.Description = language.Description;
            row.DisplayOrder = order;
            row.UpdatedAt = now;
        }

        var name = values.Languages[0].Name;
        audit.Add(actor, isNew ? "Topic created" : "Topic edited", TopicLabels.Target(name), changes.Count == 0 ? "No changes" : string.Join("; ", changes));
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException exception) when (DatabaseErrors.IsUniqueViolation(exception))
        {
            // Someone saved the same address a moment earlier, between the check above and this save.
            db.ChangeTracker.Clear();
            return TopicSaveOutcome.Invalid(new Dictionary<string, string>
            {
                [""] = "Another topic took one of these addresses while you were saving. Save again to see which.",
            });
        }

        await pageCache.TopicsChangedAsync();
        return new TopicSaveOutcome(rows.First(t => t.Culture == SiteCulture.English).Id, errors);
    }

    /// <summary>Deletes the topic in every language, and files no article under it any more; the articles themselves stay.</summary>
    public async Task<TopicGroup?> DeleteAsync(int id, ClaimsPrincipal actor)
    {
        if (await FindAsync(id) is not { } topic)
        {
            return null;
        }

        var ids = topic.Languages.Select(l => l.Id).ToList();
        // The links would go with the topic by the database's cascade anyway; removed here, they are counted and go in the same save.
        var links = await db.ArticleTopics.Where(l => ids.Contains(l.TopicId)).ToListAsync();
        db.ArticleTopics.RemoveRange(links);
        db.Topics.RemoveRange(await db.Topics.Where(t => ids.Contains(t.Id)).ToListAsync());
        db.SlugRedirects.RemoveRange(await db.SlugRedirects.Where(r => r.Kind == ContentKind.Topic && ids.Contains(r.ContentId)).ToListAsync());
        audit.Add(actor, "Topic deleted", TopicLabels.Target(topic.Name),
            string.Create(CultureInfo.InvariantCulture, $"{TopicLabels.Names(topic)}; taken off {links.Count} article(s), which are kept"));
        await db.SaveChangesAsync();
        await pageCache.TopicsChangedAsync();
        return topic;
    }

    /// <summary>Moves the topic one place up or down the list (in every language); false when it is not there.</summary>
    public async Task<bool> MoveAsync(int id, bool up, ClaimsPrincipal actor)
    {
        var order = await ListAsync();
        var index = order.ToList().FindIndex(g => g.Languages.Any(l => l.Id == id));
        if (index < 0)
        {
            return false;
        }

        var other = up ? index - 1 : index + 1;
        if (other < 0 || other >= order.Count)
        {
            return true; // first or last already: nothing to move
        }

        var moved = order.ToList();
        (moved[index], moved[other]) = (moved[other], moved[index]);
        // Numbered again in tens, so that a topic can later be put between two others by its display order alone.
        var positions = moved.Select((group, position) => (group.TranslationKey, Order: (position + 1) * 10))
            .ToDictionary(p => p.TranslationKey, p => p.Order, StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in await db.Topics.ToListAsync())
        {
            if (positions.TryGetValue(row.TranslationKey, out var position) && row.DisplayOrder != position)
            {
                row.DisplayOrder = position;
                row.UpdatedAt = now;
            }
        }

        audit.Add(actor, "Topics reordered", TopicLabels.Target(order[index].Name), $"Moved {(up ? "up, before" : "down, after")} {order[other].Name}");
        await db.SaveChangesAsync();
        await pageCache.TopicsChangedAsync();
        return true;
    }

    private async Task<List<Topic>> FamilyOfAsync(int id, bool tracked)
    {
        var key = await db.Topics.Where(t => t.Id == id).Select(t => t.TranslationKey).SingleOrDefaultAsync();
        if (key is null)
        {
            return [];
        }

        var rows = tracked ? db.Topics : db.Topics.AsNoTracking();
        return [.. (await rows.Where(t => t.TranslationKey == key).ToListAsync()).OrderBy(t => CultureRank(t.Culture))];
    }

    // Articles in the bin are not counted: staff see what the public site lists (drafts included, as they will be).
    private async Task<Dictionary<int, int>> ArticleCountsAsync(List<int>? topicIds)
    {
        var links = from link in db.ArticleTopics
                    join article in db.Articles on link.ArticleId equals article.Id
                    where article.DeletedAt == null
                    select link.TopicId;
        if (topicIds is not null)
        {
            links = links.Where(topicId => topicIds.Contains(topicId));
        }

        return await links.GroupBy(topicId => topicId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    private static List<TopicGroup> Group(IEnumerable<Topic> topics, Dictionary<int, int> counts) =>
        topics.GroupBy(t => t.TranslationKey, StringComparer.Ordinal)
            .Select(g => new TopicGroup(g.Key, g.Min(t => t.DisplayOrder), g.OrderBy(t => CultureRank(t.Culture))
                .Select(t => new TopicLanguage(t.Id, t.Culture, t.Name, t.Slug, t.Description, counts.GetValueOrDefault(t.Id)))
                .ToList()))
            .OrderBy(g => g.DisplayOrder).ThenBy(g => g.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();

    private static int CultureRank(string culture) => SiteCulture.Supported.ToList().IndexOf(culture) is var rank and >= 0 ? rank : int.MaxValue;

    private async Task<string> FreeKeyAsync(string slug)
    {
        var candidate = slug;
        for (var n = 2; await db.Topics.AnyAsync(t => t.TranslationKey == candidate); n++)
        {
            candidate = string.Create(CultureInfo.InvariantCulture, $"{slug[..Math.Min(slug.Length, Slug.MaxLength - 5)].TrimEnd('-')}-{n}");
        }

        return candidate;
    }

    // Left empty, the display order puts the topic after every other one.
    private async Task<int> LastOrderAsync(List<int> own) =>
        Math.Min(TopicRules.DisplayOrderMax, (await db.Topics.Where(t => !own.Contains(t.Id)).MaxAsync(t => (int?)t.DisplayOrder) ?? 0) + 10);
}
