using System.Net;
using PiriSite.Domain.Content;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>Each topic's index in each language, and the related articles an article's page lists.</summary>
public sealed class TopicIndexTests : IAsyncLifetime, IDisposable
{
    private readonly SiteFactory _site = new();
    private int _bondEn;
    private int _courtEn;

    public async Task InitializeAsync()
    {
        _bondEn = await ManyArticles.AddTopicAsync(_site, "test-bond", SiteCulture.English, "Bond hearings", "bond-hearings");
        _courtEn = await ManyArticles.AddTopicAsync(_site, "test-court", SiteCulture.English, "Court dates", "court-dates");
        var bondEs = await ManyArticles.AddTopicAsync(_site, "test-bond", SiteCulture.Spanish, "Audiencias de fianza", "audiencias-de-fianza");
        await ManyArticles.AddTopicAsync(_site, "test-empty", SiteCulture.English, "Nothing filed yet", "nothing-filed-yet");
        await ManyArticles.AddAsync(_site, 25, "bond", SiteCulture.English, [_bondEn]);
        await ManyArticles.AddAsync(_site, 2, "both", SiteCulture.English, [_bondEn, _courtEn]);
        await ManyArticles.AddAsync(_site, 1, "court", SiteCulture.English, [_courtEn]);
        await ManyArticles.AddAsync(_site, 3, "fianza", SiteCulture.Spanish, [bondEs]);
        await ManyArticles.AddAsync(_site, 1, "unfiled");
    }

    public Task DisposeAsync() => Task.CompletedTask;

    public void Dispose() => _site.Dispose();

    [Fact]
    public async Task ATopicsIndexListsOnlyItsArticlesNewestFirstTwentyAPage()
    {
        using var client = _site.CreateClient();

        var first = await client.GetStringAsync("/articles/topics/bond-hearings");
        var second = await client.GetStringAsync("/articles/topics/bond-hearings/page/2");

        // 25 "bond" and 2 "both" articles.
        var all = Html.CardLinks(first).Concat(Html.CardLinks(second)).ToList();
        Assert.Equal(20, Html.CardLinks(first).Count);
        Assert.Equal(27, all.Count);
        Assert.All(all, link => Assert.Matches("^/articles/(bond|both)-", link));
        Assert.DoesNotContain("/articles/court-1", all);
        Assert.Equal("Articles about Bond hearings", Html.Headings(first, 1).Single());
        Assert.Equal(SiteFactory.BaseAddress + "/articles/topics/bond-hearings/page/2", Html.LinkRel(first, "next"));
        Assert.Equal(SiteFactory.BaseAddress + "/articles/topics/bond-hearings", Html.LinkRel(second, "prev"));
    }

    [Fact]
    public async Task EachLanguageHasItsOwnTopicIndexLinkedToTheOthers()
    {
        using var client = _site.CreateClient();

        var spanish = await client.GetStringAsync("/es/articulos/temas/audiencias-de-fianza");
        var english = await client.GetStringAsync("/articles/topics/bond-hearings");

        Assert.Equal(["/es/articulos/fianza-1", "/es/articulos/fianza-2", "/es/articulos/fianza-3"], Html.CardLinks(spanish));
        Assert.Contains("<html lang=\"es\"", spanish, StringComparison.Ordinal);
        Assert.Contains($"hreflang=\"en\" href=\"{SiteFactory.BaseAddress}/articles/topics/bond-hearings\"", spanish, StringComparison.Ordinal);
        Assert.Contains($"hreflang=\"es\" href=\"{SiteFactory.BaseAddress}/es/articulos/temas/audiencias-de-fianza\"", english, StringComparison.Ordinal);
        // The index of every article links each topic that has articles in that language.
        var index = await client.GetStringAsync("/articles");
        Assert.Contains("href=\"/articles/topics/bond-hearings\"", index, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/topics/court-dates\"", index, StringComparison.Ordinal);
        Assert.DoesNotContain("/articles/topics/nothing-filed-yet", index, StringComparison.Ordinal);
        // Only languages where the topic has articles: French has no "Bond hearings" page.
        Assert.DoesNotContain("<link rel=\"alternate\" hreflang=\"fr\"", english, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/articles/topics/no-such-topic", "en")]
    [InlineData("/articles/topics/court-dates/page/2", "en")]
    [InlineData("/es/articulos/temas/court-dates", "es")]
    [InlineData("/articles/topics/nothing-filed-yet", "en")]
    public async Task AnUnknownTopicOrPageIsNotFoundInThePagesLanguage(string path, string language)
    {
        using var client = _site.CreateClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains($"<html lang=\"{language}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnArticleListsUpToThreeRelatedArticlesSharingTheMostTopicsFirst()
    {
        using var client = _site.CreateClient();

        var both = await client.GetStringAsync("/articles/both-1");
        var court = await client.GetStringAsync("/articles/court-1");
        var unfiled = await client.GetStringAsync("/articles/unfiled-1");

        // "both-2" shares two topics; then the newest sharing one ("court-1" was added last, so is a moment newer).
        Assert.Equal(["/articles/both-2", "/articles/court-1", "/articles/bond-1"], RelatedLinks(both));
        Assert.Equal(["/articles/both-1", "/articles/both-2"], RelatedLinks(court));
        Assert.DoesNotContain("Related articles", unfiled, StringComparison.Ordinal);
        Assert.Contains("href=\"/articles/topics/court-dates\"", both, StringComparison.Ordinal);
    }

    [Theory]
    // Numbered pages differ between languages: the same list's first page there, never the "not translated" notice.
    [InlineData("/articles/page/2", "/es/articulos", "/fr/articles")]
    [InlineData("/articles/topics/bond-hearings/page/2", "/es/articulos/temas/audiencias-de-fianza", "/fr/articles")]
    // A topic with no French articles has no French page: the French articles index instead.
    [InlineData("/articles/topics/bond-hearings", "/es/articulos/temas/audiencias-de-fianza", "/fr/articles")]
    [InlineData("/es/articulos/temas/audiencias-de-fianza", "/articles/topics/bond-hearings", "/fr/articles")]
    public async Task TheLanguageSwitcherOnAListLeadsToThatListsFirstPageInTheOtherLanguages(string path, string other, string french)
    {
        using var client = _site.CreateClient();

        var page = await client.GetStringAsync(path);

        var switcher = page[page.IndexOf("<nav class=\"language-switcher\"", StringComparison.Ordinal)..];
        var targets = Html.Hrefs(switcher[..switcher.IndexOf("</nav>", StringComparison.Ordinal)]);
        Assert.Equal([other, french], targets);
        if (path.Contains("/page/", StringComparison.Ordinal))
        {
            Assert.DoesNotContain("hreflang=\"", page[..page.IndexOf("</head>", StringComparison.Ordinal)], StringComparison.Ordinal);
        }
    }

    private static IReadOnlyList<string> RelatedLinks(string html)
    {
        var start = html.IndexOf("id=\"related-title\"", StringComparison.Ordinal);
        return start < 0 ? [] : Html.CardLinks(html[start..html.IndexOf("</section>", start, StringComparison.Ordinal)]);
    }
}
