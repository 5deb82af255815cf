using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Localization;
using PiriSite.Domain.Content;

namespace PiriSite.Web.Localization;

public static class LocalizationExtensions
{
    /// <summary>English, Spanish and French, chosen by the address; interface text from .resx files.</summary>
    public static IServiceCollection AddSiteLocalization(this IServiceCollection services)
    {
        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.Replace(ServiceDescriptor.Singleton(typeof(IStringLocalizer<>), typeof(CachedStringLocalizer<>)));
        services.AddSingleton(typeof(IHtmlLocalizer<>), typeof(CachedHtmlLocalizer<>));
        services.Configure<RequestLocalizationOptions>(options =>
        {
            // Read-only, cached instances: the middleware hands out a writable culture by cloning it on every request,
            // and a clone reads its date and number formats from ICU again (a third of a rendered page's time).
            var cultures = SiteLanguage.All.Select(l => CultureInfo.GetCultureInfo(l.CultureName)).ToList();
            options.DefaultRequestCulture = new RequestCulture(cultures[0]);
            options.SupportedCultures = cultures;
            options.SupportedUICultures = cultures;
            // Only the address decides: the framework's query-string, cookie and Accept-Language providers are removed.
            options.RequestCultureProviders = [new PathRequestCultureProvider()];
            options.ApplyCurrentCultureToResponseHeaders = true;
        });
        return services;
    }
}
