using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

public class HomeControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task HomeShowsTheConsultationOfferWithClickToCall()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("24/7 Free 30-Minute Consultation Call", Html.Headings(html, 2));
        var offer = html[html.IndexOf("class=\"offer-card\"", StringComparison.Ordinal)..];
        Assert.Equal("tel:+18336000029", Html.Hrefs(offer)[0]);
    }

    [Fact]
    public async Task HomeListsEveryReasonToChooseTheFirm()
    {
        using var client = factory.CreateClient();

        var text = Html.Text(await client.GetStringAsync("/"));

        Assert.Contains("Why The Piri Law Firm?", text, StringComparison.Ordinal);
        foreach (var reason in new[]
        {
            "Fluent in Spanish & French", "Experienced Immigration Lawyer",
            "Multiple Immigration Cases of Many Different Types Won", "Understands the U.S. and Texas Immigration Laws",
            "Experienced Trial Attorney", "Will Advise You on Expected Outcomes",
            "Michael Will Help You Stay In The US", "Michael Protects Your Rights",
        })
        {
            Assert.Contains(reason, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HomeLinksToEveryPracticeAreaAndTheLatestArticle()
    {
        using var client = factory.CreateClient();

        var hrefs = Html.Hrefs(await client.GetStringAsync("/"));

        foreach (var slug in PublicRoutes.PracticeAreaSlugs)
        {
            Assert.Contains($"/practice-areas/{slug}", hrefs);
        }

        Assert.Contains($"/articles/{PublicRoutes.ArticleSlug}", hrefs);
    }

    [Fact]
    public async Task AboutPresentsTheAttorneyAndTheLanguagesSpoken()
    {
        using var client = factory.CreateClient();

        var text = Html.Text(await client.GetStringAsync("/about"));

        Assert.Contains("Michael Piri", text, StringComparison.Ordinal);
        Assert.Contains("Spanish", text, StringComparison.Ordinal);
        Assert.Contains("French", text, StringComparison.Ordinal);
        Assert.Contains("Dallas–Fort Worth", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DisclaimerSaysNoAttorneyClientRelationshipAndNoLegalAdvice()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/disclaimer");

        Assert.Contains("No attorney-client relationship", Html.Headings(html, 2));
        Assert.Contains("General information, not legal advice", Html.Headings(html, 2));
    }

    [Fact]
    public async Task PrivacyPolicyExplainsWhatIsCollected()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/privacy");

        Assert.Equal("Privacy policy", Html.Headings(html, 1).Single());
        Assert.Contains("What we collect", Html.Headings(html, 2));
    }
}
