using System.Net;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers;

/// <summary>
/// An address in the staff area (/admin, /account) that fails gets an error page in the staff area's layout, with
/// its status kept and not indexed; every other address keeps the public, translated error pages.
/// </summary>
public class StaffErrorPagesTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task AStaffMemberAskingForTheAttorneysPageGetsTheStaffForbiddenPage()
    {
        var (staff, key) = await StaffSessions.CreateAsync(factory, "forbidden.staff@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, staff.Email!, key);

        var response = await client.GetAsync("/admin/staff");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        AssertStaffLayout(html);
        Assert.Equal("You do not have access to this page", Html.Headings(html, 1).Single());
        Assert.Contains("/admin", Html.Hrefs(html));
        Assert.Contains("Go to the dashboard", html, StringComparison.Ordinal);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/admin/no-such-page")]
    [InlineData("/admin/leads/PR-ZZZZZZ")]
    [InlineData("/ADMIN/Nothing/here")]
    public async Task AMissingStaffPageGetsTheStaffNotFoundPage(string path)
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, $"notfound.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertStaffLayout(html);
        Assert.Equal("This page does not exist", Html.Headings(html, 1).Single());
        Assert.Contains("/admin", Html.Hrefs(html));
        Assert.Contains("/admin/leads", Html.Hrefs(html));
    }

    [Fact]
    public async Task AMissingAccountPageGetsTheStaffNotFoundPageWithTheSignInLinkWhenSignedOut()
    {
        using var client = StaffSessions.NewClient(factory);

        var response = await client.GetAsync("/account/no-such-page");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertStaffLayout(html);
        Assert.Equal("This page does not exist", Html.Headings(html, 1).Single());
        Assert.Contains("/account/login", Html.Hrefs(html));
        Assert.DoesNotContain("<details class=\"admin-menu\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerErrorInTheStaffAreaShowsTheStaffErrorPageWithoutDetails()
    {
        // A factory of its own: the broken table would break the other tests.
        using var broken = new SiteFactory();
        var (attorney, key) = await StaffSessions.CreateAsync(broken, "broken.admin@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(broken, attorney.Email!, key);
        await using (var scope = broken.CreateDbScope())
        {
            await scope.Db.Database.ExecuteSqlRawAsync(TestDatabase.DropTable("ConsultationRequests"));
        }

        var response = await client.GetAsync("/admin/leads");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        AssertStaffLayout(html);
        Assert.Equal("Something went wrong on our side", Html.Headings(html, 1).Single());
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
        Assert.DoesNotContain("no such table", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/no-such-page")]
    [InlineData("/administrator")]
    [InlineData("/es/admin")]
    public async Task PublicAddressesKeepThePublicNotFoundPage(string path)
    {
        using var client = factory.CreateClient();

        var response = await client.GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<nav class=\"main-nav\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("admin-header", html, StringComparison.Ordinal);
        Assert.DoesNotContain("This page does not exist", html, StringComparison.Ordinal);
    }

    private static void AssertStaffLayout(string html)
    {
        Assert.Contains("<body class=\"admin\">", html, StringComparison.Ordinal);
        Assert.Contains("<header class=\"admin-header\">", html, StringComparison.Ordinal);
        Assert.Contains("<meta name=\"robots\" content=\"noindex, nofollow\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<nav class=\"main-nav\"", html, StringComparison.Ordinal);
    }
}
