using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Domain.Content;
using PiriSite.Web.Services.Caching;
using PiriSite.Web.Tests.Infrastructure;
using Serilog.Core;
using Serilog.Events;

namespace PiriSite.Web.Tests.Services;

/// <summary>
/// Every public page shows the advertising notice, the responsible attorney and the principal office in its own
/// language, even when the firm profile is missing, damaged or cannot be read (then from the built-in fallback,
/// with an error logged for each page that needed it).
/// </summary>
public sealed class FirmProfileServiceTests
{
    public static TheoryData<string, string, string, string> Footers => new()
    {
        { SiteCulture.English, "Attorney Advertising", "Responsible attorney: Michael Piri", "Principal office: Dallas, Texas" },
        { SiteCulture.Spanish, "Publicidad de abogados", "Abogado responsable: Michael Piri", "Oficina principal: Dallas, Texas" },
        { SiteCulture.French, "Publicité", "Avocat responsable : Michael Piri", "Bureau principal : Dallas (Texas)" },
    };

    [Theory]
    [MemberData(nameof(Footers))]
    public async Task EveryPagesFooterShowsTheThreeLegalTextsOfItsLanguage(string culture, string advertising, string attorney, string office)
    {
        using var factory = new SiteFactory();
        using var visitor = factory.CreateClient();

        foreach (var path in TranslatedRoutes.All(SiteLanguage.Of(culture)))
        {
            var footer = Footer(await visitor.GetStringAsync(path));
            Assert.Contains(advertising, footer, StringComparison.Ordinal);
            Assert.Contains(attorney, footer, StringComparison.Ordinal);
            Assert.Contains(office, footer, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task AMissingOrBlankProfileLeavesEveryPageWithTheFallbackTextsAndOneErrorPerPage()
    {
        var sink = new CollectingSink();
        using var factory = new CapturingSiteFactory(sink);
        await using (var scope = factory.CreateDbScope())
        {
            await scope.Db.Database.ExecuteSqlRawAsync("""DELETE FROM "FirmProfiles" WHERE "Culture" = 'es';""");
            await scope.Db.Database.ExecuteSqlRawAsync("""UPDATE "FirmProfiles" SET "AdvertisingDisclaimer" = '', "AttorneyName" = ' ', "PrincipalOfficeCity" = '' WHERE "Culture" = 'fr';""");
            await scope.Services.GetRequiredService<PublicPageCache>().EvictAllAsync();
        }

        using var visitor = factory.CreateClient();
        foreach (var (language, texts) in new[]
        {
            (SiteLanguage.Spanish, new[] { "Publicidad de abogados.", "Abogado responsable: Michael Piri", "Oficina principal: Dallas, Texas" }),
            (SiteLanguage.French, new[] { "Publicité d'avocat.", "Avocat responsable : Michael Piri", "Bureau principal : Dallas (Texas)" }),
        })
        {
            foreach (var path in TranslatedRoutes.All(language))
            {
                sink.Events.Clear();
                var response = await visitor.GetAsync(path);

                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                var footer = Footer(await response.Content.ReadAsStringAsync());
                Assert.All(texts, text => Assert.Contains(text, footer, StringComparison.Ordinal));
                Assert.Single(sink.Errors);
            }
        }

        sink.Events.Clear();
        Assert.Contains("Publicité d'avocat.", Footer(await visitor.GetStringAsync("/fr")), StringComparison.Ordinal); // never from the cache
        Assert.Contains("AdvertisingDisclaimer, AttorneyName, PrincipalOfficeCity", sink.Errors.Single().RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        Assert.Contains("Attorney Advertising", Footer(await visitor.GetStringAsync("/")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task WhenTheProfileCannotBeReadItsPagesStillShowTheFallbackTexts()
    {
        var sink = new CollectingSink();
        using var factory = new CapturingSiteFactory(sink);
        await using (var scope = factory.CreateDbScope())
        {
            await scope.Db.Database.ExecuteSqlRawAsync(TestDatabase.DropTable("FirmProfiles"));
            await scope.Services.GetRequiredService<PublicPageCache>().EvictAllAsync();
        }

        using var visitor = factory.CreateClient();
        foreach (var (language, disclaimer) in new[] { (SiteLanguage.English, "Attorney advertising."), (SiteLanguage.French, "Publicité d'avocat.") })
        {
            sink.Events.Clear();
            var response = await visitor.GetAsync(SitePaths.Section(language, SiteSection.About));

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var footer = Footer(await response.Content.ReadAsStringAsync());
            Assert.Contains(disclaimer, footer, StringComparison.Ordinal);
            Assert.Contains("Michael Piri", footer, StringComparison.Ordinal);
            var error = Assert.Single(sink.Errors);
            Assert.NotNull(error.Exception);
            Assert.DoesNotContain("Michael", error.RenderMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        }
    }

    private static string Footer(string html) =>
        WebUtility.HtmlDecode(html[html.IndexOf("<footer class=\"site-footer\">", StringComparison.Ordinal)..]);

    private sealed class CapturingSiteFactory(ILogEventSink sink) : SiteFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.AddSingleton(sink));
        }
    }

    private sealed class CollectingSink : ILogEventSink
    {
        public ConcurrentQueue<LogEvent> Events { get; } = new();

        // The errors of the profile service: one per page that needed the fallback.
        public IEnumerable<LogEvent> Errors => Events.Where(e => e.Level == LogEventLevel.Error
            && e.Properties.TryGetValue("SourceContext", out var source) && source.ToString().Contains("FirmProfileService", StringComparison.Ordinal));

        public void Emit(LogEvent logEvent) => Events.Enqueue(logEvent);
    }
}
