using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PiriSite.Browser.Tests.Infrastructure;

public static class Axe
{
    /// <summary>Runs axe's WCAG 2.1 A and AA rules on the page as it is now, and fails on any violation.</summary>
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });

        var violations = result.Violations.Select(v =>
            $"{v.Id} ({v.Impact}) on {page.Url}: {v.Help} at {string.Join(" | ", v.Nodes.Select(n => $"{n.Target} {n.Html} {string.Join("; ", n.Any.Concat(n.All).Concat(n.None).Select(c => c.Message))}"))}");
        Assert.True(!violations.Any(), string.Join("\n", violations));
        Assert.NotEmpty(result.Passes); // proof that axe really ran its WCAG rules on the page
    }
}
