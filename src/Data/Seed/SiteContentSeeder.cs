using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Seed;

/// <summary>
/// Puts the firm's original content into an empty database. Each item is added only when no row with its
/// translation key exists yet, so a rerun adds nothing twice and never touches what staff have edited.
/// </summary>
internal sealed class SiteContentSeeder(SiteDbContext db, TimeProvider clock)
{
    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var manifest = JsonSerializer.Deserialize<SeedManifest>(ReadResource("site.json"), s_json)
            ?? throw new InvalidOperationException("Seed/site.json is empty.");
        var now = clock.GetUtcNow().UtcDateTime;
        const string culture = SiteCulture.English;

        if (!await db.FirmProfiles.AnyAsync(f => f.Culture == culture, cancellationToken))
        {
            db.FirmProfiles.Add(ToFirmProfile(manifest.FirmProfile, culture, now));
        }

        var existingAreas = await db.PracticeAreas.Where(p => p.Culture == culture)
            .Select(p => p.TranslationKey).ToListAsync(cancellationToken);
        var order = 0;
        foreach (var area in manifest.PracticeAreas)
        {
            order += 10;
            if (!existingAreas.Contains(area.TranslationKey))
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
                    BodyMarkdown = ReadResource(area.BodyFile),
                    DisplayOrder = order,
                    Status = ContentStatus.Published,
                    UpdatedAt = now,
                });
            }
        }

        var existingArticles = await db.Articles.Where(a => a.Culture == culture)
            .Select(a => a.TranslationKey).ToListAsync(cancellationToken);
        foreach (var article in manifest.Articles.Where(a => !existingArticles.Contains(a.TranslationKey)))
        {
            db.Articles.Add(new Article
            {
                TranslationKey = article.TranslationKey,
                Culture = culture,
                Title = article.Title,
                Slug = article.Slug,
                Summary = article.Summary,
                AuthorName = article.AuthorName,
                SeoTitle = article.SeoTitle,
                SeoDescription = article.SeoDescription,
                BodyMarkdown = ReadResource(article.BodyFile),
                Status = ContentStatus.Published,
                PublishedAt = now,
                UpdatedAt = now,
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private static FirmProfile ToFirmProfile(FirmProfileSeed seed, string culture, DateTime now) => new()
    {
        Culture = culture,
        FirmName = seed.FirmName,
        AttorneyName = seed.AttorneyName,
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
        AboutMarkdown = ReadResource(seed.AboutFile),
        DisclaimerMarkdown = ReadResource(seed.DisclaimerFile),
        PrivacyMarkdown = ReadResource(seed.PrivacyFile),
        UpdatedAt = now,
    };

    private static string ReadResource(string path)
    {
        var name = "Seed/" + path;
        using var stream = typeof(SiteContentSeeder).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The seed file {name} is not embedded in the Data assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
