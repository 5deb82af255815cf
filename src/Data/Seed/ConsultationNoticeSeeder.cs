using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PiriSite.Domain.Consultations;
using PiriSite.Domain.Content;

namespace PiriSite.Data.Seed;

// The shape of Seed/consultation-notice.json (and es/, fr/): one language's notice and the words of its box.
internal sealed record ConsultationNoticeSeed(string Text, string CheckboxLabel);

/// <summary>
/// The consultation notice in each language: version 1 from the seed files for a language that has none, and the
/// link from requests made before notices were versioned to the version of the words they stored. Both are safe
/// to run at every start: they do nothing once done.
/// </summary>
internal sealed class ConsultationNoticeSeeder(SiteDbContext db, TimeProvider clock)
{
    public const string SeedAuthor = "the site's installation";
    public const string EarlierRequestsAuthor = "the words stored with earlier requests";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web);

    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var seeds = ReadSeeds();
        // First the requests that kept their own copy of the words: the versions they read come before any other.
        await LinkEarlierRequestsAsync(seeds, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        var present = await db.ConsultationNoticeVersions.Select(v => v.Culture).Distinct().ToListAsync(cancellationToken);
        foreach (var culture in SiteCulture.Supported.Where(c => !present.Contains(c)))
        {
            var seed = seeds[culture];
            db.ConsultationNoticeVersions.Add(ConsultationNoticeVersion.First(culture, seed.Text, seed.CheckboxLabel, now, SeedAuthor));
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>
    /// The backfill for requests stored before notices were versioned, which kept the notice's language and words in
    /// their own columns: each is linked to the version with those words in that language, made from them when
    /// there is none (in force from the first request that stored them). A request from before the words were
    /// stored (no language, no text) read the English notice, whose words never changed until notices were
    /// versioned: the seed's. Its box's words were never stored and never changed either: the seed's too.
    /// </summary>
    private async Task LinkEarlierRequestsAsync(Dictionary<string, ConsultationNoticeSeed> seeds, CancellationToken cancellationToken)
    {
        var earlier = await db.ConsultationRequests.Where(r => r.NoticeVersionId == null)
            .Select(r => new
            {
                r.Id,
                r.CreatedAt,
                r.SourceCulture,
                Culture = EF.Property<string>(r, LegacyNoticeColumns.Culture),
                Text = EF.Property<string>(r, LegacyNoticeColumns.Text),
            })
            .ToListAsync(cancellationToken);
        if (earlier.Count == 0)
        {
            return;
        }

        var versions = await db.ConsultationNoticeVersions.ToListAsync(cancellationToken);
        var groups = earlier
            .Select(r =>
            {
                var culture = SiteCulture.IsSupported(r.Culture) ? r.Culture
                    : r.Text.Length == 0 ? SiteCulture.English
                    : SiteCulture.IsSupported(r.SourceCulture) ? r.SourceCulture : SiteCulture.English;
                return (r.Id, r.CreatedAt, Culture: culture, Text: r.Text.Length > 0 ? r.Text : seeds[culture].Text);
            })
            .GroupBy(r => (r.Culture, r.Text))
            .OrderBy(g => g.Min(r => r.CreatedAt));
        foreach (var group in groups)
        {
            var (culture, text) = group.Key;
            var version = versions.FirstOrDefault(v => v.Culture == culture && v.Text == text.Trim());
            if (version is null)
            {
                var since = group.Min(r => r.CreatedAt);
                var label = seeds[culture].CheckboxLabel;
                version = versions.Where(v => v.Culture == culture).MaxBy(v => v.Number) is { } last
                    ? last.Next(text, label, since, EarlierRequestsAuthor)!
                    : ConsultationNoticeVersion.First(culture, text, label, since, EarlierRequestsAuthor);
                db.ConsultationNoticeVersions.Add(version);
                await db.SaveChangesAsync(cancellationToken);
                versions.Add(version);
            }

            // In batches: each id is a parameter of its own, and SQLite refuses more than 32,766 in one statement.
            foreach (var batch in group.Select(r => r.Id).Chunk(1000))
            {
                await db.ConsultationRequests.Where(r => batch.Contains(r.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(r => r.NoticeVersionId, version.Id), cancellationToken);
            }
        }
    }

    private static Dictionary<string, ConsultationNoticeSeed> ReadSeeds() => SiteCulture.Supported.ToDictionary(
        culture => culture,
        culture =>
        {
            var path = (culture == SiteCulture.English ? "" : culture + "/") + "consultation-notice.json";
            return JsonSerializer.Deserialize<ConsultationNoticeSeed>(SiteContentSeeder.ReadResource(path), s_json)
                ?? throw new InvalidOperationException($"Seed/{path} is empty.");
        },
        StringComparer.Ordinal);
}
