using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Audit;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin;

public class AuditQueryServiceTests(SiteFactory factory) : IClassFixture<SiteFactory>
{
    [Fact]
    public async Task TheLogIsReadNewestFirstAPageAtATimeAndSaysWhetherAnOlderPageFollows()
    {
        await using var scope = factory.CreateDbScope();
        for (var i = 0; i < 2 * AuditQueryService.PageSize + 10; i++)
        {
            scope.Db.AuditEntries.Add(new AuditEntry { At = new DateTime(2026, 1, 1, 0, 0, i % 60, DateTimeKind.Utc), Action = "Test", Target = $"entry {i}" });
        }

        await scope.Db.SaveChangesAsync();
        var all = await scope.Db.AuditEntries.OrderByDescending(a => a.Id).Select(a => a.Id).ToListAsync();
        var lastPage = ((all.Count - 1) / AuditQueryService.PageSize) + 1;
        var service = scope.Services.GetRequiredService<AuditQueryService>();

        var first = await service.PageAsync(1);
        var second = await service.PageAsync(2);
        var last = await service.PageAsync(lastPage);
        var beyond = await service.PageAsync(lastPage + 1);

        Assert.Equal(all.Take(AuditQueryService.PageSize), first.Entries.Select(e => e.Id));
        Assert.True(first.HasNextPage);
        Assert.Equal(all.Skip(AuditQueryService.PageSize).Take(AuditQueryService.PageSize), second.Entries.Select(e => e.Id));
        Assert.Equal(all.Skip((lastPage - 1) * AuditQueryService.PageSize), last.Entries.Select(e => e.Id));
        Assert.False(last.HasNextPage);
        Assert.Empty(beyond.Entries);
        Assert.False(beyond.HasNextPage);
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(-5, 1)]
    [InlineData(int.MaxValue, AuditQueryService.MaxPage)]
    public async Task APageNumberOutOfRangeIsBroughtWithinIt(int asked, int expected)
    {
        await using var scope = factory.CreateDbScope();

        var page = await scope.Services.GetRequiredService<AuditQueryService>().PageAsync(asked);

        Assert.Equal(expected, page.Page);
    }
}
