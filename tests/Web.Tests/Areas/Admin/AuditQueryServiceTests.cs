using Microsoft.Data.Sqlite;
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
        var actor = Guid.NewGuid().ToString();
        for (var i = 0; i < 2 * AuditQueryService.PageSize + 10; i++)
        {
            // Times out of step with the ids: the log is in time order, the id only breaks ties.
            scope.Db.AuditEntries.Add(new AuditEntry { ActorId = actor, At = new DateTime(2026, 1, 1, 0, 0, i % 60, DateTimeKind.Utc), Action = "Test", Target = $"entry {i}" });
        }

        await scope.Db.SaveChangesAsync();
        var all = (await scope.Db.AuditEntries.Where(a => a.ActorId == actor).ToListAsync())
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Select(a => a.Id).ToList();
        var lastPage = ((all.Count - 1) / AuditQueryService.PageSize) + 1;
        var service = scope.Services.GetRequiredService<AuditQueryService>();

        var first = await service.PageAsync(new AuditQuery(actor, Page: 1));
        var second = await service.PageAsync(new AuditQuery(actor, Page: 2));
        var last = await service.PageAsync(new AuditQuery(actor, Page: lastPage));
        var beyond = await service.PageAsync(new AuditQuery(actor, Page: lastPage + 1));

        Assert.Equal(all.Take(AuditQueryService.PageSize), first.Entries.Select(e => e.Entry.Id));
        Assert.True(first.HasNextPage);
        Assert.Equal(all.Skip(AuditQueryService.PageSize).Take(AuditQueryService.PageSize), second.Entries.Select(e => e.Entry.Id));
        Assert.Equal(all.Skip((lastPage - 1) * AuditQueryService.PageSize), last.Entries.Select(e => e.Entry.Id));
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

        var page = await scope.Services.GetRequiredService<AuditQueryService>().PageAsync(new AuditQuery(Page: asked));

        Assert.Equal(expected, page.Page);
    }

    [Fact]
    public async Task ThePersonFilterShowsOnlyThatAccountsLinesAndNoAccountShowsTheUnsignedOnes()
    {
        var (mine, theirs) = (Guid.NewGuid().ToString(), Guid.NewGuid().ToString());
        var action = $"Person test {Guid.NewGuid():N}"[..40];
        await using var scope = factory.CreateDbScope();
        scope.Db.AuditEntries.AddRange(
            Line(action, At(1), mine, "mine"), Line(action, At(2), theirs, "theirs"), Line(action, At(3), null, "nobody"));
        await scope.Db.SaveChangesAsync();
        var service = scope.Services.GetRequiredService<AuditQueryService>();

        Assert.Equal(["mine"], Targets(await service.PageAsync(new AuditQuery(mine, action))));
        Assert.Equal(["nobody"], Targets(await service.PageAsync(new AuditQuery(AuditQuery.NoAccount, action))));
        Assert.Equal(["nobody", "theirs", "mine"], Targets(await service.PageAsync(new AuditQuery(Action: action))));
    }

    [Fact]
    public async Task TheActionFilterShowsOnlyThatAction()
    {
        var actor = Guid.NewGuid().ToString();
        await using var scope = factory.CreateDbScope();
        scope.Db.AuditEntries.AddRange(
            Line(AuditActions.SignedIn, At(1), actor, "in"), Line(AuditActions.PasswordChanged, At(2), actor, "password"),
            Line(AuditActions.SignedOut, At(3), actor, "out"));
        await scope.Db.SaveChangesAsync();
        var service = scope.Services.GetRequiredService<AuditQueryService>();

        Assert.Equal(["password"], Targets(await service.PageAsync(new AuditQuery(actor, AuditActions.PasswordChanged))));
        Assert.Equal(["out", "password", "in"], Targets(await service.PageAsync(new AuditQuery(actor))));
    }

    [Fact]
    public async Task DatesAreTheFirmsDaysNotUtcDays()
    {
        // March 4, 2026, 05:30 UTC is still March 3 in Dallas (23:30, UTC−6); 06:30 UTC is 00:30 on March 4.
        var actor = Guid.NewGuid().ToString();
        await using var scope = factory.CreateDbScope();
        scope.Db.AuditEntries.AddRange(
            Line("Test", Utc(2026, 3, 3, 5, 59), actor, "march 2 late"), Line("Test", Utc(2026, 3, 3, 6, 0), actor, "march 3 first minute"),
            Line("Test", Utc(2026, 3, 4, 5, 30), actor, "march 3 late"), Line("Test", Utc(2026, 3, 4, 6, 30), actor, "march 4 early"));
        await scope.Db.SaveChangesAsync();
        var service = scope.Services.GetRequiredService<AuditQueryService>();
        var march3 = new DateOnly(2026, 3, 3);
        var march4 = new DateOnly(2026, 3, 4);

        Assert.Equal(["march 3 late", "march 3 first minute"], Targets(await service.PageAsync(new AuditQuery(actor, From: march3, To: march3))));
        Assert.Equal(["march 4 early"], Targets(await service.PageAsync(new AuditQuery(actor, From: march4))));
        Assert.Equal(["march 3 late", "march 3 first minute", "march 2 late"], Targets(await service.PageAsync(new AuditQuery(actor, To: march3))));
    }

    [Fact]
    public async Task ViewedLinesAreHiddenUnlessAskedForOrTheirActionIsChosen()
    {
        var actor = Guid.NewGuid().ToString();
        await using var scope = factory.CreateDbScope();
        scope.Db.AuditEntries.AddRange(
            Line(AuditActions.ConsultationRequestViewed, At(1), actor, "PR-AAAAAA"),
            Line("Consultation request status changed", At(2), actor, "PR-AAAAAA"),
            Line(AuditActions.ConsultationRequestViewed, At(3), actor, "PR-BBBBBB"));
        await scope.Db.SaveChangesAsync();
        var service = scope.Services.GetRequiredService<AuditQueryService>();

        var hidden = await service.PageAsync(new AuditQuery(actor));
        var shown = await service.PageAsync(new AuditQuery(actor, IncludeViewed: true));
        var chosen = await service.PageAsync(new AuditQuery(actor, AuditActions.ConsultationRequestViewed));

        Assert.Equal(["Consultation request status changed"], hidden.Entries.Select(e => e.Entry.Action));
        Assert.Equal(3, shown.Entries.Count);
        Assert.Equal(["PR-BBBBBB", "PR-AAAAAA"], Targets(chosen));
        Assert.Equal("/admin/leads/PR-AAAAAA", hidden.Entries.Single().SubjectLink);
    }

    [Fact]
    public async Task TheFiltersOfferThePeopleAndActionsInTheLog()
    {
        await using var scope = factory.CreateDbScope();
        var (account, _) = await StaffSessions.CreateAsync(factory, $"audit.choice.{Guid.NewGuid():N}@pirisite.test", PiriSite.Domain.Accounts.StaffRoles.Staff);
        var (absent, _) = await StaffSessions.CreateAsync(factory, $"audit.absent.{Guid.NewGuid():N}@pirisite.test", PiriSite.Domain.Accounts.StaffRoles.Staff);
        var action = $"Choice test {Guid.NewGuid():N}"[..40];
        scope.Db.AuditEntries.AddRange(Line(action, At(1), account.Id, "x"), Line(action, At(2), account.Id, "y"), Line("Other", At(3), null, "z"));
        await scope.Db.SaveChangesAsync();

        var choices = await scope.Services.GetRequiredService<AuditQueryService>().ChoicesAsync();

        Assert.Contains(choices.People, p => p.Id == account.Id && p.Name == account.DisplayName);
        Assert.DoesNotContain(choices.People, p => p.Id == absent.Id);
        Assert.Contains(choices.People, p => p.Id == AuditQuery.NoAccount);
        Assert.Single(choices.Actions, a => a == action);
        Assert.Contains("Other", choices.Actions);
    }

    [Fact]
    public async Task ALineLinksToItsSubjectsPageWhenItHasOne()
    {
        var actor = Guid.NewGuid().ToString();
        await using var scope = factory.CreateDbScope();
        var article = await scope.Db.Articles.AsNoTracking().FirstAsync(a => a.Culture == "en");
        var image = $"/media/{new string('a', 32)}.png";
        scope.Db.AuditEntries.AddRange(
            Line("Article edited", At(1), actor, $"{article.Title} (/{article.Slug})"),
            Line("Article edited", At(2), actor, "Gone (/no-such-article)"),
            Line("Image uploaded", At(3), actor, image),
            Line(AuditActions.AccountCreated, At(4), actor, "someone@pirisite.test"));
        await scope.Db.SaveChangesAsync();

        var page = await scope.Services.GetRequiredService<AuditQueryService>().PageAsync(new AuditQuery(actor));

        Assert.Equal([null, image, null, $"/admin/articles/{article.Id}/edit"], page.Entries.Select(e => e.SubjectLink));
    }

    // SQLite's plan, which the staff list depends on; PostgreSQL plans by the table's size and statistics instead.
    [SqliteTheory]
    [InlineData(null, null, false, "IX_AuditEntries_At")]
    [InlineData("someone", null, false, "IX_AuditEntries_ActorId_At")]
    [InlineData(null, "Signed in", false, "IX_AuditEntries_Action_At")]
    [InlineData(null, null, true, "IX_AuditEntries_At")]
    public async Task EveryFilterReadsAnIndexInTimeOrderWithoutSortingTheLog(string? person, string? action, bool dates, string index)
    {
        await using var scope = factory.CreateDbScope();
        var service = scope.Services.GetRequiredService<AuditQueryService>();
        var query = new AuditQuery(person, action, dates ? new DateOnly(2026, 3, 1) : null, dates ? new DateOnly(2026, 3, 9) : null);
        // ToQueryString writes the parameters as ".param set" lines before the statement; EXPLAIN needs the statement only.
        var sql = string.Join('\n', service.Newest(query).Take(51).ToQueryString().Split('\n').Where(line => !line.StartsWith(".param", StringComparison.Ordinal)));

        var connection = (SqliteConnection)scope.Db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var explain = connection.CreateCommand();
        explain.CommandText = "EXPLAIN QUERY PLAN " + sql;
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                plan.Add(reader.GetString(3));
            }
        }

        var described = string.Join(" | ", plan);
        Assert.Contains($"USING INDEX {index}", described, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", described, StringComparison.Ordinal);
    }

    private static AuditEntry Line(string action, DateTime at, string? actorId, string target) =>
        new() { Action = action, At = at, ActorId = actorId, ActorName = actorId is null ? "" : "someone", Target = target };

    private static DateTime At(int minute) => Utc(2026, 2, 10, 15, minute);

    private static DateTime Utc(int year, int month, int day, int hour, int minute) => new(year, month, day, hour, minute, 0, DateTimeKind.Utc);

    private static List<string?> Targets(AuditPage page) => page.Entries.Select(e => e.Entry.Target).ToList();
}
