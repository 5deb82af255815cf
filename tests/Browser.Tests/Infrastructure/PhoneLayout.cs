using Microsoft.Playwright;

namespace PiriSite.Browser.Tests.Infrastructure;

public static class PhoneLayout
{
    /// <summary>The width of a small phone (an iPhone SE or mini) in CSS pixels.</summary>
    public const int Width = 375;

    public const int Height = 812;

    /// <summary>Fails when axe finds a violation on the page or the page is wider than a screen <paramref name="width"/> wide.</summary>
    public static async Task AssertFitsAsync(IPage page, int width)
    {
        ArgumentNullException.ThrowIfNull(page);
        await Axe.AssertNoViolationsAsync(page);
        var scrollWidth = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(scrollWidth <= width, $"{page.Url} is {scrollWidth}px wide on a {width}px screen");
    }

    /// <summary>Fails when the page, as it is now, is wider than the phone's screen (it would scroll sideways).</summary>
    public static async Task AssertNoSidewaysScrollAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var scrollWidth = await page.EvaluateAsync<int>("() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)");
        Assert.True(scrollWidth <= Width, $"{page.Url} is {scrollWidth}px wide on a {Width}px phone");
    }
}
