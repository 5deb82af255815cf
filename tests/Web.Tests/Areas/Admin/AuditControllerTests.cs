using System.Net;
using PiriSite.Domain.Accounts;
using PiriSite.Domain.Audit;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public class AuditControllerTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheAttorneyPagesThroughTheLogWithItsTextEncoded()
    {
        await using (var scope = factory.CreateDbScope())
        {
            scope.Db.AuditEntries.Add(new AuditEntry
            {
                At = new DateTime(2026, 3, 4, 5, 6, 7, DateTimeKind.Utc), ActorName = "<b>someone</b>", Action = "Test", Target = "page <script>",
                Details = "a & b", IpAddress = "192.0.2.9",
            });
            for (var i = 0; i < 2 * AuditQueryService.PageSize; i++)
            {
                scope.Db.AuditEntries.Add(new AuditEntry { At = new DateTime(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc), Action = "Filler" });
            }

            await scope.Db.SaveChangesAsync();
        }

        var (attorney, key) = await StaffSessions.CreateAsync(factory, "audit.reader@pirisite.test", StaffRoles.Attorney);
        using var client = await StaffSessions.SignInAsync(factory, attorney.Email!, key);

        var newest = await client.GetStringAsync("/admin/audit");
        var html = await client.GetStringAsync("/admin/audit?page=3");

        Assert.Contains("<td>Signed in</td>", newest, StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin/audit?page=0\"", newest, StringComparison.Ordinal);
        Assert.Contains("href=\"/admin/audit?page=2\"", newest, StringComparison.Ordinal);
        Assert.Contains("<td><time datetime=\"2026-03-04T05:06:07.0000000Z\">2026-03-04 05:06:07</time></td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>&lt;b&gt;someone&lt;/b&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>page &lt;script&gt;</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>a &amp; b</td>", html, StringComparison.Ordinal);
        Assert.Contains("<td>192.0.2.9</td>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"/admin/audit?page=2\">Newer</a>", html, StringComparison.Ordinal);
    }
}
