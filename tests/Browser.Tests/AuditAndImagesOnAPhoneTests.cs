using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PiriSite.Browser.Tests.Infrastructure;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;
using PiriSite.Web.Tests.Infrastructure;
using SkiaSharp;

namespace PiriSite.Browser.Tests;

/// <summary>The audit log and the image library on a 390 × 844 phone, with axe on every state and no sideways scroll.</summary>
[Collection(BrowserTestGroup.Name)]
[Trait("Category", "Browser")]
public class AuditAndImagesOnAPhoneTests(BrowserFixture browser)
{
    private const int Width = 390;

    [Fact]
    public async Task TheAttorneyFiltersTheAuditLogOnAPhone()
    {
        // Someone's work in the log (the site is shared by every browser test: this data is the test's own).
        var (paralegal, _) = await StaffSessions.CreateAsync(browser.Factory, $"paralegal.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        var action = $"Phone test {Guid.NewGuid():N}"[..30];
        await using (var scope = browser.Factory.CreateDbScope())
        {
            var at = new DateTime(2026, 5, 4, 2, 14, 0, DateTimeKind.Utc); // 9:14 PM on May 3 in Dallas
            scope.Db.AuditEntries.AddRange(
                new AuditEntry { At = at, ActorId = paralegal.Id, ActorName = paralegal.Email!, Action = action, Target = "PR-PHN234", Details = "a detail long enough to wrap on a phone screen, more than one line of it" },
                new AuditEntry { At = at.AddMinutes(1), ActorId = paralegal.Id, ActorName = paralegal.Email!, Action = AuditActions.ConsultationRequestViewed, Target = "PR-PHN234" });
            await scope.Db.SaveChangesAsync();
        }

        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Attorney, Width, 844);
        await page.GotoAsync("/admin/audit");

        // A plain visit: the filters are one line, closed; the log starts in the first screen.
        var filters = page.Locator("details.audit-filters");
        Assert.False(await filters.EvaluateAsync<bool>("details => details.open"));
        await Assertions.Expect(page.GetByLabel("Person")).Not.ToBeVisibleAsync();
        Assert.True(await page.Locator(".audit-table tbody tr").First.EvaluateAsync<double>("row => row.getBoundingClientRect().top") < 844);
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        await page.Locator("details.audit-filters > summary").ClickAsync();
        await Assertions.Expect(page.GetByLabel("Person")).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);
        await page.GetByLabel("Person").SelectOptionAsync(new SelectOptionValue { Label = paralegal.DisplayName });
        await page.GetByLabel("From", new() { Exact = true }).FillAsync("2026-05-03");
        await page.GetByLabel("To", new() { Exact = true }).FillAsync("2026-05-03");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();

        // The filters are in the address, stay open, and the "viewed" line is hidden until asked for.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"who={paralegal.Id}.*from=2026-05-03&to=2026-05-03"));
        Assert.True(await filters.EvaluateAsync<bool>("details => details.open"));
        var rows = page.Locator(".audit-table tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.First.Locator("time")).ToHaveTextAsync("May 3, 2026 9:14 PM");
        await Assertions.Expect(rows.First.Locator("time")).ToHaveAttributeAsync("datetime", "2026-05-04T02:14:00Z");
        await Assertions.Expect(rows.First.GetByRole(AriaRole.Link, new() { Name = "PR-PHN234" })).ToHaveAttributeAsync("href", "/admin/leads/PR-PHN234");
        // A card, not a squeezed table row: the action has the whole width under the time and the name.
        var widths = await rows.First.EvaluateAsync<double[]>(
            "row => [row.getBoundingClientRect().width, row.querySelector('.audit-what').getBoundingClientRect().width]");
        var (rowWidth, actionWidth) = (widths[0], widths[1]);
        Assert.True(actionWidth > rowWidth * 0.8, $"the action is {actionWidth}px wide in a {rowWidth}px card");
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        await page.SetViewportSizeAsync(PhoneLayout.Width, PhoneLayout.Height);
        await PhoneLayout.AssertNoSidewaysScrollAsync(page);
        await page.SetViewportSizeAsync(Width, 844);

        await page.GetByLabel("Include “viewed” entries").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Show entries" }).ClickAsync();
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await Assertions.Expect(rows.First.Locator(".audit-what")).ToHaveTextAsync(AuditActions.ConsultationRequestViewed);

        // On a desktop the same page is a table.
        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(page.Locator(".audit-table thead")).ToBeVisibleAsync();
        await Axe.AssertNoViolationsAsync(page);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task StaffUploadAnImageOnAPhoneFixTheAltTextWithoutChoosingItAgainAndCopyItsMarkdown()
    {
        var page = await StaffBrowser.SignInAsync(browser, StaffRoles.Staff, Width, 844);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.GotoAsync("/admin/media");
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        // The file picker is a large control.
        var picker = page.GetByLabel("Image file");
        var height = await picker.EvaluateAsync<double>("input => input.getBoundingClientRect().height");
        Assert.True(height >= 48, $"the file picker is {height}px tall");

        await picker.SetInputFilesAsync(new FilePayload { Name = "courthouse.png", MimeType = "image/png", Buffer = Png(1200, 800) });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();

        // No alt text: the error is next to its field, and the image waits for the retry.
        await Assertions.Expect(page.Locator("#altText-error")).ToHaveTextAsync("Describe the image for people who cannot see it (alt text).");
        await Assertions.Expect(page.GetByLabel("Alt text")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(page.Locator(".media-kept")).ToContainTextAsync("Your image is kept (1200 × 800 pixels");
        Assert.True(await page.Locator(".media-kept img").EvaluateAsync<bool>("img => img.complete && img.naturalWidth === 1200"));
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);

        var alt = $"Courthouse steps {Guid.NewGuid():N}"[..26];
        await page.GetByLabel("Alt text").FillAsync(alt);
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload" }).ClickAsync();
        await Assertions.Expect(page.Locator(".flash")).ToContainTextAsync("Uploaded.");

        // The new image is first in the library, its Markdown in a field with a working copy button.
        var item = page.Locator(".media-item").First;
        await Assertions.Expect(item.Locator(".media-alt")).ToHaveTextAsync(alt);
        var copy = item.GetByRole(AriaRole.Button, new() { Name = "Copy Markdown" });
        await Assertions.Expect(copy).ToBeVisibleAsync();
        var markdown = await item.GetByLabel("Markdown to paste").InputValueAsync();
        Assert.Matches($"^!\\[{alt}\\]\\(/media/[0-9a-f]{{32}}\\.png\\)$", markdown);
        await copy.ClickAsync();
        await Assertions.Expect(item.Locator("button[data-copy]")).ToHaveTextAsync("Copied");
        Assert.Equal(markdown, await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await AssertFitsAsync(page);
        await Axe.AssertNoViolationsAsync(page);
        await page.SetViewportSizeAsync(PhoneLayout.Width, PhoneLayout.Height);
        await PhoneLayout.AssertNoSidewaysScrollAsync(page);
        await page.Context.CloseAsync();
    }

    /// <summary>No sideways scroll on this 390-pixel phone (<see cref="PhoneLayout"/> checks against 375).</summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var scrollWidth = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(scrollWidth <= Width, $"{page.Url} is {scrollWidth}px wide on a {Width}px phone");
    }

    private static byte[] Png(int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        bitmap.Erase(SKColors.SteelBlue);
        using var encoded = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return encoded.ToArray();
    }
}
