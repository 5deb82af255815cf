using System.Globalization;
using Microsoft.AspNetCore.Localization;
using PiriSite.Domain.Content;

namespace PiriSite.Web.Localization;

public static class LocalizationExtensions
{
    /// <summary>English, Spanish and French, chosen by the address; interface text from .resx files.</summary>
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SiteLanguage.All.Select(l => new CultureInfo(l.CultureName)).ToList();
            options.DefaultRequestCulture = new RequestCulture(SiteLanguage.English.CultureName);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the address decides: the framework's query-string, cookie and Accept-Language providers are removed.
            options.RequestCultureProviders = [new PathRequestCultureProvider()];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }
}
