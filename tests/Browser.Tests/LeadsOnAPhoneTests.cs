using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;
using PiriSite.Domain.Content;

namespace PiriSite.Browser.Tests;

/// <summary>
/// The attorney triaging on a phone (390 × 844) at 2 a.m., with eight realistic requests: the person detained is
/// the first thing in the inbox, within the first screen; nothing scrolls sideways; the follow-ups due are on the
/// dashboard; the quarantine says why; a bulk deletion asks first and "Keep them" keeps them. Axe on every state.
/// </summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class LeadsOnAPhoneTests(BrowserFixture browser)
{
    private const int PhoneWidth = 390, PhoneHeight = 844;

    private readonly string _tag = Guid.NewGuid().ToString("N")[..5].ToUpperInvariant();

    [Fact]
    [Trait("Set", "Smoke")]
    public async Task TheAttorneyTriagesEightRequestsOnAPhone()
    {
        var (detained, spam, followUps) = await SeedEightRequestsAsync();
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, PhoneWidth, PhoneHeight);

        // The dashboard lists the follow-ups due, the overdue one marked in words.
        var dashboardFollowUps = page.Locator("section", new() { Has = page.Locator("#follow-ups-title") });
        foreach (var name in followUps)
        {
            await Assertions.Expect(dashboardFollowUps).ToContainTextAsync(name);
        }

        await Assertions.Expect(dashboardFollowUps.Locator("li", new() { HasText = followUps[0] })).ToContainTextAsync("Overdue");
        await Assertions.Expect(page.Locator("section", new() { Has = page.Locator("#urgent-title") })).ToContainTextAsync(detained.FullName);
        await AssertFitsThePhoneAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        // The dashboard's urgent count leads to the urgent requests, the person detained first, on the first screen.
        await page.Locator("#urgent-title a").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Urgent requests");
        await AssertFirstCardIsOnTheFirstScreenAsync(page, detained.FullName);
        await Axe.AssertNoViolationsAsync(page);

        // The inbox: the person detained is the first card, and the whole card is on the first screen.
        await page.GotoAsync("/admin/leads");
        await AssertFirstCardIsOnTheFirstScreenAsync(page, detained.FullName);
        await AssertFitsThePhoneAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        // The filters open (without JavaScript, a <details>), and a filter that matches nothing says so.
        await page.Locator(".inbox-filters > summary").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Practice area")).ToBeVisibleAsync();
        await AssertFitsThePhoneAsync(page);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Received from").FillAsync("2001-01-01");
        await page.GetByLabel("Received to").FillAsync("2001-01-02");
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply filters" }).ClickAsync();
        await Assertions.Expect(page.Locator(".inbox-empty")).ToContainTextAsync("No requests match these filters.");
        await Assertions.Expect(page.GetByLabel("Received from")).ToBeVisibleAsync(); // open, since a filter is applied
        await Axe.AssertNoViolationsAsync(page);

        // The quarantine says why the link-spam is there; its checkbox is a real tap target with a visible label.
        await page.GotoAsync("/admin/leads?view=spam");
        var spamCard = page.Locator(".lead-card", new() { HasText = spam.Reference });
        await Assertions.Expect(spamCard).ToContainTextAsync(SpamVerdicts.Label(SpamVerdict.ContainsLink));
        var checkbox = page.GetByLabel($"Select {spam.Reference}");
        var target = await checkbox.BoundingBoxAsync();
        Assert.NotNull(target);
        Assert.True(target.Width >= 24 && target.Height >= 24, $"The checkbox is {target.Width} × {target.Height} px.");
        await AssertFitsThePhoneAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        // Deleting asks first; "Keep them" goes back with the request still there.
        await checkbox.CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete the selected requests" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Delete 1 request permanently?");
        await Assertions.Expect(page.Locator(".confirmation-items")).ToContainTextAsync(spam.Reference);
        await AssertFitsThePhoneAsync(page);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Keep them" }).ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Suspected spam");
        await Assertions.Expect(page.Locator(".lead-card", new() { HasText = spam.Reference })).ToBeVisibleAsync();
        await using (var scope = browser.Factory.CreateDbScope())
        {
            Assert.True(await scope.Db.ConsultationRequests.AnyAsync(r => r.Reference == spam.Reference && r.Status == LeadStatus.Spam));
        }

        // A smaller phone (375 px) scrolls sideways nowhere either.
        await page.SetViewportSizeAsync(PhoneLayout.Width, PhoneLayout.Height);
        foreach (var address in new[] { "/admin", "/admin/leads", "/admin/leads?view=spam", "/admin/leads?view=follow-ups", "/admin/leads?language=French" })
        {
            await page.GotoAsync(address);
            await PhoneLayout.AssertNoSidewaysScrollAsync(page);
        }

        await page.Context.CloseAsync();
    }

    private static async Task AssertFirstCardIsOnTheFirstScreenAsync(IPage page, string name)
    {
        var first = page.Locator(".lead-card").First;
        await Assertions.Expect(first.Locator(".lead-card-name a")).ToHaveTextAsync(name);
        await Assertions.Expect(first.Locator(".urgent-mark")).ToHaveTextAsync("Urgent");
        await Assertions.Expect(first).ToContainTextAsync("Someone detained");
        var box = await first.BoundingBoxAsync();
        Assert.NotNull(box);
        Assert.True(box.Y + box.Height <= PhoneHeight, $"The first request on {page.Url} ends {box.Y + box.Height:0} px down, below the {PhoneHeight} px screen.");
    }

    private static async Task AssertFitsThePhoneAsync(IPage page)
    {
        var width = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(width <= PhoneWidth, $"{page.Url} is {width} px wide on a {PhoneWidth} px phone.");
    }

    // One person detained (received just now, so that no other test's detained request is newer), one court date
    // in five days, one link-spam, five ordinary requests, two of them with a follow-up due (one overdue).
    private async Task<(ConsultationRequest Detained, ConsultationRequest Spam, string[] FollowUps)> SeedEightRequestsAsync()
    {
        var now = DateTime.UtcNow;
        var today = DateOnly.FromDateTime(FirmTimeZone.ToFirmTime(now));
        var english = await SeededNotices.CurrentAsync(browser.Factory);
        var spanish = await SeededNotices.CurrentAsync(browser.Factory, "es");
        ConsultationRequest Make(string name, string area, ContactLanguage language, Urgency urgency, string description, TimeSpan ago,
            DateOnly? courtDate = null, SpamVerdict verdict = SpamVerdict.NotSpam) =>
            ConsultationRequest.Create(
                new ConsultationDetails($"{name} {_tag}", "(214) 555-0142", null, language, ContactMethod.Phone, area, urgency, courtDate, description),
                ConsultationReference.Generate(), Guid.NewGuid(), now - ago, "/consultation", language == ContactLanguage.Spanish ? "es" : "en", verdict,
                language == ContactLanguage.Spanish ? spanish : english);

        var detained = Make("Marisol Quintanilla", "immigration-court", ContactLanguage.Spanish, Urgency.Detained,
            "ICE detuvo a mi esposo esta mañana en Irving.", TimeSpan.Zero);
        var court = Make("Oluwaseun Adeyemi", "immigration-court", ContactLanguage.English, Urgency.CourtDate,
            "Master calendar hearing in Dallas next week; my old lawyer withdrew.", TimeSpan.FromHours(26), today.AddDays(5));
        var spam = Make("Rank Higher Agency", "asylum", ContactLanguage.English, Urgency.None,
            "We boost law firm SEO rankings fast: see https://seo-offer.example/law", TimeSpan.FromMinutes(3), verdict: SpamVerdict.ContainsLink);
        var overdue = Make("Thi Lan Nguyen", "adjustment-of-status", ContactLanguage.English, Urgency.None,
            "Questions about my green card interview.", TimeSpan.FromDays(6));
        overdue.SetFollowUp(today.AddDays(-1));
        var dueToday = Make("Jean-Baptiste Mukendi", "asylum", ContactLanguage.French, Urgency.None,
            "Demande d'asile déposée l'an dernier.", TimeSpan.FromDays(3));
        dueToday.SetFollowUp(today);
        ConsultationRequest[] requests =
        [
            detained, court, spam, overdue, dueToday,
            Make("Ana Lucía Ramírez", "family-based-visas", ContactLanguage.Spanish, Urgency.None, "Petición para mi madre.", TimeSpan.FromMinutes(40)),
            Make("Dmitri Volkov", "temporary-protected-status", ContactLanguage.English, Urgency.None, "TPS renewal.", TimeSpan.FromHours(5)),
            Make("Fatoumata Diarra", "deferred-action", ContactLanguage.French, Urgency.None, "Renouvellement DACA.", TimeSpan.FromDays(2)),
        ];
        await using var scope = browser.Factory.CreateDbScope();
        scope.Db.ConsultationRequests.AddRange(requests);
        await scope.Db.SaveChangesAsync();
        return (detained, spam, [overdue.FullName, dueToday.FullName]);
    }
}
