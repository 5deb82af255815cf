using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Seed;

/// <summary>
/// Puts the firm's original content into an empty database, in English (Seed/site.json) and in each translation
/// (Seed/es/, Seed/fr/). Each item is added only when no row with its translation key exists in that language,
/// so a rerun adds nothing twice and never touches what staff have edited.
/// </summary>
internal sealed class SiteContentSeeder(SiteDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var english = ReadManifest("");
        // Translations take the English order, so every language lists the practice areas alike.
        var order = english.PracticeAreas.Select((area, index) => (area.TranslationKey, Order: (index + 1) * 10))
            .ToDictionary(a => a.TranslationKey, a => a.Order, StringComparer.Ordinal);
        // A fast-moving topic is one in every language: the English manifest says which.
        var fastMoving = english.Articles.Where(a => a.FastMoving).Select(a => a.TranslationKey).ToHashSet(StringComparer.Ordinal);
        foreach (var culture in SiteCulture.Supported)
        {
            var folder = culture == SiteCulture.English ? "" : culture + "/";
            var manifest = culture == SiteCulture.English ? english : ReadManifest(folder);
            await SeedCultureAsync(manifest, culture, folder, order, fastMoving, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task SeedCultureAsync(
        SeedManifest manifest, string culture, string folder, Dictionary<string, int> order, HashSet<string> fastMoving, DateTime now,
        CancellationToken cancellationToken)
    {
        if (!await db.FirmProfiles.AnyAsync(f => f.Culture == culture, cancellationToken))
        {
            db.FirmProfiles.Add(ToFirmProfile(manifest.FirmProfile, culture, folder, now));
        }
        else
        {
            await BackfillPrincipalOfficeCityAsync(manifest.FirmProfile, culture, cancellationToken);
        }

        var existingAreas = await db.PracticeAreas.Where(p => p.Culture == culture)
            .Select(p => p.TranslationKey).ToListAsync(cancellationToken);
        foreach (var area in manifest.PracticeAreas.Where(a => !existingAreas.Contains(a.TranslationKey)))
        {
            db.PracticeAreas.Add(new PracticeArea
            {
                TranslationKey = area.TranslationKey,
                Culture = culture,
                Name = area.Name,
                Slug = area.Slug,
                Summary = area.Summary,
                SeoTitle = area.SeoTitle,
                SeoDescription = area.SeoDescription,
                BodyMarkdown = ReadResource(folder + area.BodyFile),
                DisplayOrder = order.GetValueOrDefault(area.TranslationKey, int.MaxValue),
                Status = ContentStatus.Published,
                UpdatedAt = now,
                SourceTextVersion = TranslatedFrom(culture),
            });
        }

        var existingArticles = await db.Articles.Where(a => a.Culture == culture)
            .Select(a => a.TranslationKey).ToListAsync(cancellationToken);
        foreach (var article in manifest.Articles.Where(a => !existingArticles.Contains(a.TranslationKey)))
        {
            var seeded = new Article
            {
                TranslationKey = article.TranslationKey,
                Culture = culture,
                Title = article.Title,
                Slug = article.Slug,
                Summary = article.Summary,
                AuthorName = article.AuthorName,
                SeoTitle = article.SeoTitle,
                SeoDescription = article.SeoDescription,
                BodyMarkdown = ReadResource(folder + article.BodyFile),
                Status = ContentStatus.Published,
                PublishedAt = now,
                UpdatedAt = now,
                SourceTextVersion = TranslatedFrom(culture),
            };
            seeded.ScheduleReview(fastMoving.Contains(article.TranslationKey), chosen: null);
            db.Articles.Add(seeded);
        }
    }

    // Profiles stored before the principal office city was a field get the seeded city, once (an edited one is kept).
    private async Task BackfillPrincipalOfficeCityAsync(FirmProfileSeed seed, string culture, CancellationToken cancellationToken)
    {
        var firm = await db.FirmProfiles.SingleAsync(f => f.Culture == culture, cancellationToken);
        if (string.IsNullOrWhiteSpace(firm.PrincipalOfficeCity))
        {
            firm.PrincipalOfficeCity = seed.PrincipalOfficeCity;
        }
    }

    // A seeded translation matches the seeded English text (its first version) and awaits the attorney's review.
    private static int? TranslatedFrom(string culture) => culture == SiteCulture.English ? null : 1;

    private static FirmProfile ToFirmProfile(FirmProfileSeed seed, string culture, string folder, DateTime now) => new()
    {
        Culture = culture,
        FirmName = seed.FirmName,
        AttorneyName = seed.AttorneyName,
        PrincipalOfficeCity = seed.PrincipalOfficeCity,
        Phone = seed.Phone,
        LanguagesSpoken = [.. seed.LanguagesSpoken],
        ServiceArea = seed.ServiceArea,
        ConsultationOfferTitle = seed.ConsultationOfferTitle,
        ConsultationOfferText = seed.ConsultationOfferText,
        WhyChooseUs = [.. seed.WhyChooseUs],
        PracticeAreasTitle = seed.PracticeAreasTitle,
        PracticeAreasTagline = seed.PracticeAreasTagline,
        PracticeAreasIntro = seed.PracticeAreasIntro,
        AdvertisingDisclaimer = seed.AdvertisingDisclaimer,
        LegalInformationNotice = seed.LegalInformationNotice,
        AboutMarkdown = ReadResource(folder + seed.AboutFile),
        DisclaimerMarkdown = ReadResource(folder + seed.DisclaimerFile),
        PrivacyMarkdown = ReadResource(folder + seed.PrivacyFile),
        UpdatedAt = now,
    };

    internal static SeedManifest ReadManifest(string folder) =>
        JsonSerializer.Deserialize<SeedManifest>(ReadResource(folder + "site.json"), s_json)
            ?? throw new InvalidOperationException($"Seed/{folder}site.json is empty.");

    internal static string ReadResource(string path)
    {
        var name = "Seed/" + path;
        using var stream = typeof(SiteContentSeeder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The seed file {name} is not embedded in the Data assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
