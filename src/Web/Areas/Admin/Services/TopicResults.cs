namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>One language of a topic as the staff screens show it, with how many (not deleted) articles are filed under it.</summary>
public sealed record TopicLanguage(int Id, string Culture, string Name, string Slug, string Description, int ArticleCount);

/// <summary>A topic in the languages it has (its rows share a translation key), English first.</summary>
public sealed record TopicGroup(string TranslationKey, int DisplayOrder, IReadOnlyList<TopicLanguage> Languages)
{
    /// <summary>The id staff screens address the topic by: its English row's (any row's, if it has no English one).</summary>
    public int Id => (In(SiteCulture.English) ?? Languages[0]).Id;

    /// <summary>The name staff know it by: the English one where there is one.</summary>
    public string Name => (In(SiteCulture.English) ?? Languages[0]).Name;

    public int ArticleCount => Languages.Sum(l => l.ArticleCount);

    public TopicLanguage? In(string culture) => Languages.FirstOrDefault(l => l.Culture == culture);
}

/// <summary>A topic the article editor offers, in the article's language.</summary>
public sealed record TopicChoice(int Id, string Name);

/// <summary>How a topic save ended: the topic's id (its English row's) when saved, else the errors by field.</summary>
public sealed record TopicSaveOutcome(int? Id, IReadOnlyDictionary<string, string> Errors)
{
    public static TopicSaveOutcome NotFound { get; } = new(null, new Dictionary<string, string>()) { TopicMissing = true };

    public bool Saved => Id is not null;

    public bool TopicMissing { get; private init; }

    public static TopicSaveOutcome Invalid(IReadOnlyDictionary<string, string> errors) => new(null, errors);
}
