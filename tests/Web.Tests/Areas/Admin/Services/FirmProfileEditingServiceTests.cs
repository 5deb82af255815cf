using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Tests.Areas.Admin.Services;

public sealed class FirmProfileEditingServiceTests(AuditFailureSite site) : IClassFixture<AuditFailureSite>
{
    private async Task<(FirmProfileSubmission Submission, int Version)> CurrentAsync()
    {
        await using var scope = site.CreateScope();
        var firm = (await scope.ServiceProvider.GetRequiredService<FirmProfileEditingService>().GetAsync())!;
        var submission = new FirmProfileSubmission
        {
            FirmName = firm.FirmName,
            AttorneyName = firm.AttorneyName,
            Phone = firm.Phone,
            LanguagesSpoken = string.Join(", ", firm.LanguagesSpoken),
            WhyChooseUs = string.Join('\n', firm.WhyChooseUs),
            AdvertisingDisclaimer = firm.AdvertisingDisclaimer,
            LegalInformationNotice = firm.LegalInformationNotice,
            AboutMarkdown = firm.AboutMarkdown,
        };
        return (submission, firm.Version);
    }

    private async Task<FirmProfileSaveOutcome> SaveAsync(FirmProfileSubmission submission, int version)
    {
        await using var scope = site.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<FirmProfileEditingService>().SaveAsync(submission, version, AuditFailureSite.Actor);
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
}
