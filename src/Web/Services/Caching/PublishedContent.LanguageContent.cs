namespace PiriSite.Web.Services.Caching;

public sealed partial class PublishedContent
{
    /// <summary>
    /// One language's published content. Scheduled pages are included; callers compare <c>PublishedAt</c> with the
    /// clock. Articles are newest first, practice areas and topics in their display order.
    /// </summary>
    public sealed class LanguageContent
    {
        public LanguageContent(
            SiteLanguage language,
            FirmProfile? firm,
            ConsultationNoticeVersion? notice,
            IEnumerable<PublishedPage> articles,
            IEnumerable<PublishedPage> practiceAreas,
            IEnumerable<PublishedTopic> topics,
            IEnumerable<SlugRedirect> redirects)
        {
            Language = language;
            Firm = firm;
            Notice = notice;
            Articles = [.. articles.OrderByDescending(a => a.PublishedAt).ThenBy(a => a.Title, StringComparer.Ordinal).ThenBy(a => a.Id)];
            PracticeAreas = [.. practiceAreas.OrderBy(p => p.DisplayOrder).ThenBy(p => p.Title, StringComparer.Ordinal)];
            Topics = [.. topics.OrderBy(t => t.DisplayOrder).ThenBy(t => t.Name, StringComparer.Ordinal)];
            Redirects = [.. redirects];
            ArticlesBySlug = Lookup(Articles, a => a.Slug);
            ArticlesByKey = Lookup(Articles, a => a.TranslationKey);
            PracticeAreasBySlug = Lookup(PracticeAreas, p => p.Slug);
            PracticeAreasByKey = Lookup(PracticeAreas, p => p.TranslationKey);
            TopicsBySlug = Lookup(Topics, t => t.Slug);
        }

        public SiteLanguage Language { get; }
        public FirmProfile? Firm { get; }
        public ConsultationNoticeVersion? Notice { get; }
        public IReadOnlyList<PublishedPage> Articles { get; }
        public IReadOnlyList<PublishedPage> PracticeAreas { get; }
        public IReadOnlyList<PublishedTopic> Topics { get; }
        public IReadOnlyList<SlugRedirect> Redirects { get; }
        public IReadOnlyDictionary<string, PublishedPage> ArticlesBySlug { get; }
        public IReadOnlyDictionary<string, PublishedPage> ArticlesByKey { get; }
        public IReadOnlyDictionary<string, PublishedPage> PracticeAreasBySlug { get; }
        public IReadOnlyDictionary<string, PublishedPage> PracticeAreasByKey { get; }
        public IReadOnlyDictionary<string, PublishedTopic> TopicsBySlug { get; }

        public IReadOnlyList<PublishedPage> Pages(ContentKind kind) => Of(kind, Articles, PracticeAreas);

        public IReadOnlyDictionary<string, PublishedPage> PagesBySlug(ContentKind kind) => Of(kind, ArticlesBySlug, PracticeAreasBySlug);

        public IReadOnlyDictionary<string, PublishedPage> PagesByKey(ContentKind kind) => Of(kind, ArticlesByKey, PracticeAreasByKey);

        /// <summary>The topic that was at <paramref name="oldSlug"/> before staff renamed it, or null.</summary>
        public PublishedTopic? RenamedTopic(string oldSlug) =>
            Redirects.Where(r => r.Kind == ContentKind.Topic && r.OldSlug == oldSlug)
                .Select(r => Topics.FirstOrDefault(t => t.Id == r.ContentId))
                .FirstOrDefault(topic => topic is not null);

        // Pages are articles or practice areas; a topic is a kind of old address only, never a page here.
        private static T Of<T>(ContentKind kind, T articles, T practiceAreas) => kind switch
        {
            ContentKind.Article => articles,
            ContentKind.PracticeArea => practiceAreas,
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a kind of page."),
        };

        // The database keeps slugs and keys unique per language, but rows reloaded one by one can meet in the moment
        // one page has taken another's address and the other's change is not applied yet: the later one wins.
        private static Dictionary<string, T> Lookup<T>(IEnumerable<T> items, Func<T, string> key)
        {
            var lookup = new Dictionary<string, T>(StringComparer.Ordinal);
            foreach (var item in items)
            {
                lookup[key(item)] = item;
            }

            return lookup;
        }

        internal LanguageContent With(
            FirmProfile? firm = null, ConsultationNoticeVersion? notice = null, IEnumerable<PublishedPage>? articles = null,
            IEnumerable<PublishedPage>? practiceAreas = null, IEnumerable<PublishedTopic>? topics = null, IEnumerable<SlugRedirect>? redirects = null) =>
            new(Language, firm ?? Firm, notice ?? Notice, articles ?? Articles, practiceAreas ?? PracticeAreas, topics ?? Topics, redirects ?? Redirects);
    }
}
