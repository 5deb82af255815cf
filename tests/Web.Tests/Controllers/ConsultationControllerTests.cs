using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

public class ConsultationControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task ConsultationPageOffersThePhoneNumber()
    {
        using var client = factory.CreateClient();

        var html = await client.GetStringAsync("/consultation");

        Assert.Equal("24/7 Free 30-Minute Consultation Call", Html.Headings(html, 1).Single());
        Assert.Contains("Call (833) 600-0029 now", Html.Text(html), StringComparison.Ordinal);
        Assert.Contains("tel:+18336000029", Html.Hrefs(html));
    }
}
