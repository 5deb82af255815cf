using System.Security.Claims;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Advertising;
using PiriSite.Domain.Content;
using PiriSite.Web.Areas.Admin.Services;
using PiriSite.Web.Services.Advertising;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Services.Advertising;

/// <summary>
/// The real app with a <see cref="MovableClock"/>, whose capture worker the tests run by hand (its background loop
/// is off, so nothing is captured behind a test's back). Tests share it: each works on pages of its own.
/// </summary>
public sealed class ArchiveSite : SiteFactory
{
    public ArchiveSite()
    {
        RunsBackgroundServices = false;
    }

    public MovableClock Clock { get; } = new();

    public static ClaimsPrincipal Actor { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "no-such-user"), new Claim(ClaimTypes.Name, "editor@pirisite.test")], "Test"));

    public static ContentSubmission Page(string title, string body = "Text.", string status = nameof(ContentStatus.Published)) =>
        new() { Title = title, Slug = Slug.FromTitle(title), Summary = "Summary.", BodyMarkdown = body, Status = status };

    public async Task<SaveOutcome> SaveAsync<T>(int? id, int version, ContentSubmission submission) where T : class, IEditableContent
    {
        await using var scope = Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ContentEditingService>().SaveAsync<T>(id, version, submission, Actor);
        Assert.True(outcome.Saved, string.Join(" ", outcome.Errors.Values));
        return outcome;
    }

    public async Task SetDeletedAsync<T>(int id, bool deleted) where T : class, IEditableContent
    {
        await using var scope = Services.CreateAsyncScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<ContentEditingService>().SetDeletedAsync<T>(id, deleted, Actor));
    }

    public async Task<int> TranslateAsync<T>(int englishId, string culture) where T : class, IEditableContent
    {
        await using var scope = Services.CreateAsyncScope();
        var outcome = await scope.ServiceProvider.GetRequiredService<ContentEditingService>().AddTranslationAsync<T>(englishId, culture, Actor);
        return outcome.Id!.Value;
    }

    public Task<DateTime?> CaptureDueAsync() => Services.GetRequiredService<AdvertisingCaptureWorker>().CaptureDueAsync();

    /// <summary>A page's archive entries in one language, oldest first.</summary>
    public async Task<List<AdvertisingSnapshot>> SnapshotsAsync(AdvertisedPageKind kind, string? translationKey, string culture = SiteCulture.English)
    {
        await using var scope = CreateDbScope();
        var key = AdvertisingSnapshot.KeyOf(kind, translationKey);
        return await scope.Db.AdvertisingSnapshots.AsNoTracking()
            .Where(s => s.PageKey == key && s.Culture == culture)
            .OrderBy(s => s.Id)
            .ToListAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}
