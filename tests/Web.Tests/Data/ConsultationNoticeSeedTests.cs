using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Domain.Consultations;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Data;

/// <summary>
/// The consultation notice comes from the seed files as version 1 per language, once; requests stored before notices
/// were versioned are linked to the version of the words they kept.
/// </summary>
public sealed class ConsultationNoticeSeedTests : IDisposable
{
    private readonly SiteFactory _factory = new() { RunsBackgroundServices = false };

    private static (string Text, string CheckboxLabel) SeedFile(string culture)
    {
        var folder = culture == "en" ? "" : culture + "/";
        using var json = JsonDocument.Parse(File.ReadAllText(Path.Combine(RepositoryFiles.Root, "src", "Data", "Seed", folder + "consultation-notice.json")));
        return (json.RootElement.GetProperty("text").GetString()!, json.RootElement.GetProperty("checkboxLabel").GetString()!);
    }

    private async Task InitialiseAgainAsync()
    {
        await using var scope = _factory.CreateDbScope();
        await scope.Services.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
    }

    [Fact]
    public async Task TheSeedWritesVersion1InEachLanguageFromTheSeedFilesOnce()
    {
        _ = _factory.Services; // starts the site, which initialises the database
        await InitialiseAgainAsync();

        await using var scope = _factory.CreateDbScope();
        var versions = await scope.Db.ConsultationNoticeVersions.AsNoTracking().OrderBy(v => v.Id).ToListAsync();
        Assert.Equal(["en", "es", "fr"], versions.Select(v => v.Culture));
        Assert.All(versions, v => Assert.Equal(1, v.Number));
        foreach (var version in versions)
        {
            var (text, label) = SeedFile(version.Culture);
            Assert.Equal(text, version.Text);
            Assert.Equal(label, version.CheckboxLabel);
            // The tests' stand-ins for version 1 (SeededNotices.Version1) take these ids.
            Assert.Equal(SeededNotices.Version1(version.Culture).Id, version.Id);
        }
    }

    [Fact]
    public async Task RequestsFromBeforeVersionsAreLinkedToTheVersionOfTheWordsTheyKept()
    {
        var french = "Un avis plus ancien, en français.";
        int spanishId, oldestId, frenchId;
        await using (var scope = _factory.CreateDbScope())
        {
            ConsultationRequest Old(string name) => ConsultationRequest.Create(
                new ConsultationDetails(name, "(214) 555-0100", null, ContactLanguage.English, ContactMethod.Phone, null, Urgency.None, null, ""),
                ConsultationReference.Generate(), Guid.NewGuid(), DateTime.UtcNow.AddYears(-1), "/consultation", "en", SpamVerdict.NotSpam,
                SeededNotices.Version1());
            var spanish = Old("Kept the Spanish words");
            var oldest = Old("Kept no words at all");
            var ownWords = Old("Kept words no version has");
            scope.Db.ConsultationRequests.AddRange(spanish, oldest, ownWords);
            await scope.Db.SaveChangesAsync();
            (spanishId, oldestId, frenchId) = (spanish.Id, oldest.Id, ownWords.Id);

            // As an older version of the site stored them: the notice's language and words in the request's own columns.
            var seededSpanish = SeedFile("es").Text;
            await scope.Db.Database.ExecuteSqlAsync(
                $"""UPDATE "ConsultationRequests" SET "NoticeVersionId" = NULL, "AcknowledgedNoticeCulture" = 'es', "AcknowledgedNoticeText" = {seededSpanish} WHERE "Id" = {spanishId}""");
            await scope.Db.Database.ExecuteSqlAsync(
                $"""UPDATE "ConsultationRequests" SET "NoticeVersionId" = NULL, "AcknowledgedNoticeCulture" = '', "AcknowledgedNoticeText" = '' WHERE "Id" = {oldestId}""");
            await scope.Db.Database.ExecuteSqlAsync(
                $"""UPDATE "ConsultationRequests" SET "NoticeVersionId" = NULL, "AcknowledgedNoticeCulture" = 'fr', "AcknowledgedNoticeText" = {french} WHERE "Id" = {frenchId}""");
        }

        await InitialiseAgainAsync();
        await InitialiseAgainAsync(); // and once done, nothing more

        await using var check = _factory.CreateDbScope();
        var linked = await check.Db.ConsultationRequests.AsNoTracking().Where(r => r.Id == spanishId || r.Id == oldestId || r.Id == frenchId)
            .ToDictionaryAsync(r => r.Id, r => r.NoticeVersionId);
        var versions = await check.Db.ConsultationNoticeVersions.AsNoTracking().ToDictionaryAsync(v => v.Id);
        Assert.Equal(("es", 1), (versions[linked[spanishId]!.Value].Culture, versions[linked[spanishId]!.Value].Number));
        Assert.Equal(("en", 1), (versions[linked[oldestId]!.Value].Culture, versions[linked[oldestId]!.Value].Number));
        var made = versions[linked[frenchId]!.Value];
        Assert.Equal(("fr", 2, french), (made.Culture, made.Number, made.Text));
        Assert.Single(versions.Values, v => v.Text == french);
    }

    public void Dispose() => _factory.Dispose();
}
