using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Extensions;

/// <summary>Every public page and the sign-in pages score A+ (120 or more) on the HTTP Observatory's published scoring.</summary>
public class ObservatoryGradeTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    private static readonly Uri s_origin = new(SiteFactory.BaseAddress);

    public static TheoryData<string> Pages
    {
        get
        {
            var pages = PublicRoutes.AllAsTheoryData();
            pages.Add("/account/login");
            return pages;
        }
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task EveryPublicPageAndTheSignInPageScoreAPlus(string path)
    {
        using var client = StaffSessions.NewClient(factory);

        var result = await ScoreAsync(client, path);

        AssertAPlus(result);
    }

    [Fact]
    public async Task TheTwoFactorSignInPageScoresAPlus()
    {
        var (user, _) = await StaffSessions.CreateAsync(factory, "observatory@pirisite.test", StaffRoles.Staff);
        using var client = StaffSessions.NewClient(factory);
        var login = await StaffSessions.PostLoginAsync(client, user.Email!, StaffSessions.Password);
        Assert.StartsWith("/account/two-factor-code", login.Headers.Location!.OriginalString, StringComparison.Ordinal);

        AssertAPlus(await ScoreAsync(client, login.Headers.Location!.OriginalString));
        AssertAPlus(await ScoreAsync(client, "/account/two-factor-code?recovery=true"));
    }

    [Fact]
    public async Task TheConsultationFormAndItsPostScoreAPlusWithTheirCookies()
    {
        using var client = StaffSessions.NewClient(factory);

        var page = await ScoreAsync(client, "/consultation");
        var form = await ConsultationForm.LoadAsync(client);
        using var posted = await form.PostAsync(client);
        var postResult = ObservatoryScore.Score(posted, await posted.Content.ReadAsStringAsync(), s_origin);

        AssertAPlus(page);
        Assert.Contains(page.Modifiers, m => m.Result == "cookies-secure-with-httponly-sessions-and-samesite");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.True(postResult.Score >= 120, postResult.ToString());
        Assert.Contains(postResult.Modifiers, m => m.Result == "cookies-secure-with-httponly-sessions-and-samesite");
    }

    private static async Task<ObservatoryScore.Result> ScoreAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Origin", ObservatoryScore.ProbeOrigin);
        using var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return ObservatoryScore.Score(response, await response.Content.ReadAsStringAsync(), s_origin);
    }

    private static void AssertAPlus(ObservatoryScore.Result result)
    {
        Assert.True(result.Score >= 120, result.ToString());
        Assert.DoesNotContain(result.Modifiers, m => m.Points < 0);
        Assert.Contains(result.Modifiers, m => m.Result == "csp-implemented-with-no-unsafe-default-src-none");
    }
}
