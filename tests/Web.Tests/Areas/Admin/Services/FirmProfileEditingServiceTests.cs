using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Tests.Areas.Admin.Services;

public sealed class FirmProfileEditingServiceTests(AuditFailureSite site) : IClassFixture<AuditFailureSite>
{
    private async Task<(FirmProfileSubmission Submission, int Version)> CurrentAsync(string culture = SiteCulture.English)
    {
        await using var scope = site.CreateScope();
        var firm = (await scope.ServiceProvider.GetRequiredService<FirmProfileEditingService>().GetAsync(culture))!;
        var submission = firm.ToSubmission();
        return (submission, firm.Version);
    }

    private async Task<FirmProfileSaveOutcome> SaveAsync(FirmProfileSubmission submission, int version, string culture = SiteCulture.English)
    {
        await using var scope = site.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FirmProfileEditingService>().SaveAsync(submission, version, AuditFailureSite.Actor, culture);
    }

    private Task<int> AuditLinesAsync() => site.ReadAsync(db => db.AuditEntries.CountAsync(e => e.Action == "Firm profile edited"));

    [Fact]
    public async Task ASaveChangesTheProfileRendersItsPagesAndAuditsIt()
    {
        var (submission, version) = await CurrentAsync();
        var audited = await AuditLinesAsync();

        var outcome = await SaveAsync(submission with { AboutMarkdown = "## Our story\n\nSince 2010." }, version);

        Assert.Equal(FirmProfileSaveStatus.Saved, outcome.Status);
        var firm = await site.ReadAsync(db => db.FirmProfiles.SingleAsync(f => f.Culture == SiteCulture.English));
        Assert.Equal(version + 1, firm.Version);
        Assert.Contains("<h2 id=\"our-story\">Our story</h2>", firm.AboutHtml, StringComparison.Ordinal);
        Assert.Equal(audited + 1, await AuditLinesAsync());
    }

    [Fact]
    public async Task WhenItsAuditEntryCannotBeWrittenTheProfileIsNotChangedEither()
    {
        var (submission, version) = await CurrentAsync();
        site.AuditFails = true;
        try
        {
            await Assert.ThrowsAsync<InvalidOperationException>(() => SaveAsync(submission with { Phone = "(833) 600-0031" }, version));
        }
        finally
        {
            site.AuditFails = false;
        }

        var firm = await site.ReadAsync(db => db.FirmProfiles.SingleAsync(f => f.Culture == SiteCulture.English));
        Assert.Equal((version, submission.Phone), (firm.Version, firm.Phone));
    }

    [Fact]
    public async Task ASaveFromAnOlderVersionIsRefusedWithTheRulesMessagesAndChangesNothing()
    {
        var (submission, version) = await CurrentAsync();
        var audited = await AuditLinesAsync();

        var outcome = await SaveAsync(submission with { Phone = "600-0029" }, version - 1);

        Assert.Equal(FirmProfileSaveStatus.Invalid, outcome.Status);
        Assert.Equal(["Phone", ""], outcome.Errors.Select(e => e.Field));
        Assert.StartsWith("Someone else saved the profile while you were editing it", outcome.Errors[1].Message, StringComparison.Ordinal);
        Assert.Equal(version, await site.ReadAsync(db => db.FirmProfiles.Where(f => f.Culture == SiteCulture.English).Select(f => f.Version).SingleAsync()));
        Assert.Equal(audited, await AuditLinesAsync());
    }

    [Fact]
    public async Task TheFirstSaveKeepsTheOriginalAsRevisionOneThenItsOwnWithTheFieldsItChanged()
    {
        var (submission, version) = await CurrentAsync(SiteCulture.French);

        await SaveAsync(submission with { PrincipalOfficeCity = "Fort Worth (Texas)", AboutMarkdown = submission.AboutMarkdown + "\n\nNouveau paragraphe." }, version, SiteCulture.French);

        var revisions = await site.ReadAsync(db => db.FirmProfileRevisions.Where(r => r.Culture == SiteCulture.French).OrderBy(r => r.Number).ToListAsync());
        Assert.Equal([(1, "Original version"), (2, "Edited")], revisions.Select(r => (r.Number, r.Note)));
        Assert.Equal("Dallas (Texas)", revisions[0].Fields.PrincipalOfficeCity);
        Assert.Empty(revisions[0].ChangedFields);
        Assert.Equal(["PrincipalOfficeCity", "AboutMarkdown"], revisions[1].ChangedFields);
        Assert.Equal("Fort Worth (Texas)", revisions[1].Fields.PrincipalOfficeCity);
    }

    [Fact]
    public async Task ASaveQueuesTheSixPagesOfItsLanguageForTheArchiveAndAnInvalidOneQueuesNone()
    {
        var (submission, version) = await CurrentAsync(SiteCulture.Spanish);
        Task<List<AdvertisedPageKind>> QueuedAsync() => site.ReadAsync(db => db.AdvertisingSnapshots
            .Where(s => s.Culture == SiteCulture.Spanish && s.Reason == "Firm profile saved").Select(s => s.PageKind).ToListAsync());

        var refused = await SaveAsync(submission with { PrincipalOfficeCity = " " }, version, SiteCulture.Spanish);
        Assert.Equal(FirmProfileSaveStatus.Invalid, refused.Status);
        Assert.Empty(await QueuedAsync());
        Assert.False(await site.ReadAsync(db => db.FirmProfileRevisions.AnyAsync(r => r.Culture == SiteCulture.Spanish)));

        var saved = await SaveAsync(submission with { Phone = "(833) 600-0032" }, version, SiteCulture.Spanish);

        Assert.Equal(FirmProfileSaveStatus.Saved, saved.Status);
        Assert.Equal(AdvertisedPages.FromFirmProfile.Order(), (await QueuedAsync()).Order());
    }
}
