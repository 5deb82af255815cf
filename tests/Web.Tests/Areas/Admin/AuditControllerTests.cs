using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public class AuditControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheAttorneyPagesThroughTheLogWithItsTextEncodedAndItsTimesInTheFirmsZone()
    {
        // The tests of this class share one log: this one reads its own action only.
        var action = $"Paging test {Guid.NewGuid():N}"[..40];
        await using (var scope = factory.CreateDbScope())
        {
            // 05:06 UTC on March 4 is 11:06 PM on March 3 in Dallas.
            scope.Db.AuditEntries.Add(new AuditEntry
            {
                At = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc), ActorName = "<b>someone</b>", Action = action, Target = "page <script>",
                Details = "a & b", IpAddress = "192.0.2.9",
            });
            for (var i = 0; i < 2 * AuditQueryService.PageSize; i++)
            {
                scope.Db.AuditEntries.Add(new AuditEntry { At = new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc), Action = action });
            }

            await scope.Db.SaveChangesAsync();
        }

        using var client = await AttorneyAsync();
        var what = Uri.EscapeDataString(action);

        var newest = await client.GetStringAsync("/admin/audit");
        var html = await client.GetStringAsync($"/admin/audit?what={what}&page=3");

        Assert.Contains("<td role=\"cell\" class=\"audit-what\">Signed in</td>", newest, StringComparison.Ordinal);
        Assert.DoesNotContain("page=0", newest, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit?page=2\"", newest, StringComparison.Ordinal);
        Assert.Contains("<time datetime=\"2026-03-04T05:06:07Z\">Mar 3, 2026 11:06 PM</time>", html, StringComparison.Ordinal);
        Assert.Contains(">&lt;b&gt;someone&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains(">page &lt;script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains(">a &amp; b</td>", html, StringComparison.Ordinal);
        Assert.Contains(">192.0.2.9</td>", html, StringComparison.Ordinal);
        Assert.Contains($"<a href=\"/admin/audit?what={what}&amp;page=2\" class=\"btn btn-outline\">Newer</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Older</a>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FiltersComeFromTheQueryStringOpenTheirDisclosureAndTravelWithThePages()
    {
        var action = $"Filter test {Guid.NewGuid():N}"[..40];
        await using (var scope = factory.CreateDbScope())
        {
            for (var i = 0; i < AuditQueryService.PageSize + 1; i++)
            {
                scope.Db.AuditEntries.Add(new AuditEntry { At = new DateTime(2026, 3, 10, 15, 0, i, DateTimeKind.Utc), Action = action, Target = $"line {i}" });
            }

            scope.Db.AuditEntries.Add(new AuditEntry { At = new DateTime(2026, 3, 11, 15, 0, 0, DateTimeKind.Utc), Action = action, Target = "next day" });
            await scope.Db.SaveChangesAsync();
        }

        using var client = await AttorneyAsync();
        var plain = await client.GetStringAsync("/admin/audit");
        var query = $"what={Uri.EscapeDataString(action)}&from=2026-03-10&to=2026-03-10";
        var filtered = await client.GetStringAsync($"/admin/audit?{query}");

        Assert.Contains("<details class=\"audit-filters\">", plain, StringComparison.Ordinal);
        Assert.Contains("<details class=\"audit-filters\" open=\"open\">", filtered, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{action}\" selected=\"selected\">{action}</option>", filtered, StringComparison.Ordinal);
        Assert.Contains("value=\"2026-03-10\"", filtered, StringComparison.Ordinal);
        Assert.Contains(">line 50</td>", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain(">next day</td>", filtered, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/audit?{query.Replace("&", "&amp;", StringComparison.Ordinal)}&amp;page=2\"", filtered, StringComparison.Ordinal);
        Assert.Contains("Everyone · " + action + " · Mar 10, 2026", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ViewedLinesAreHiddenUntilTheBoxIsTickedAndARequestLinksToItsPage()
    {
        var (staff, _) = await StaffSessions.CreateAsync(factory, $"audit.viewer.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        await using (var scope = factory.CreateDbScope())
        {
            scope.Db.AuditEntries.AddRange(
                new AuditEntry { At = new DateTime(2026, 4, 1, 15, 0, 0, DateTimeKind.Utc), ActorId = staff.Id, ActorName = staff.Email!, Action = AuditActions.ConsultationRequestViewed, Target = "PR-VVVVVV" },
                new AuditEntry { At = new DateTime(2026, 4, 1, 15, 1, 0, DateTimeKind.Utc), ActorId = staff.Id, ActorName = staff.Email!, Action = "Consultation request note added", Target = "PR-NNNNNN" });
            await scope.Db.SaveChangesAsync();
        }

        using var client = await AttorneyAsync();
        var hidden = await client.GetStringAsync($"/admin/audit?who={staff.Id}");
        var shown = await client.GetStringAsync($"/admin/audit?who={staff.Id}&viewed=true");

        Assert.DoesNotContain("PR-VVVVVV", hidden, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/leads/PR-NNNNNN\">PR-NNNNNN</a>", hidden, StringComparison.Ordinal);
        Assert.Contains($"class=\"audit-who\">{staff.DisplayName}</td>", hidden, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{staff.Id}\" selected=\"selected\">{staff.DisplayName}</option>", hidden, StringComparison.Ordinal);
        Assert.Contains("“viewed” hidden", hidden, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/leads/PR-VVVVVV\">PR-VVVVVV</a>", shown, StringComparison.Ordinal);
        Assert.Contains("id=\"viewed\" name=\"viewed\" type=\"checkbox\" value=\"true\" checked=\"checked\"", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCannotReadTheLog()
    {
        var (staff, key) = await StaffSessions.CreateAsync(factory, $"audit.staff.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Staff);
        using var client = await StaffSessions.SignInAsync(factory, staff.Email!, key);

        var response = await client.GetAsync("/admin/audit");

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<HttpClient> AttorneyAsync()
    {
        var (attorney, key) = await StaffSessions.CreateAsync(factory, $"audit.reader.{Guid.NewGuid():N}@pirisite.test", StaffRoles.Attorney);
        return await StaffSessions.SignInAsync(factory, attorney.Email!, key);
    }
}
