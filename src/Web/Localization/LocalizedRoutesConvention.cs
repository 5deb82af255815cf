using Microsoft.AspNetCore.Mvc.ApplicationModels;
using PiriSite.Domain.Content;

namespace PiriSite.Web.Localization;

/// <summary>
/// For every route of a <see cref="LocalizedRoutesAttribute"/> controller, adds the same route in each other
/// language, translated by <see cref="SitePaths"/>: <c>practice-areas/{slug}</c> is also
/// <c>/es/areas-de-practica/{slug}</c> and <c>/fr/domaines-de-pratique/{slug}</c>. The twin keeps the original's
/// HTTP methods and metadata; the language itself is read from the address by <see cref="PathRequestCultureProvider"/>.
/// </summary>
internal sealed class LocalizedRoutesConvention : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        ArgumentNullException.ThrowIfNull(controller);
        if (!controller.Attributes.OfType<LocalizedRoutesAttribute>().Any())
        {
            return;
        }

        var prefix = controller.Selectors.FirstOrDefault(s => s.AttributeRouteModel is not null)?.AttributeRouteModel;
        foreach (var action in controller.Actions)
        {
            foreach (var selector in action.Selectors.Where(s => s.AttributeRouteModel is not null).ToList())
            {
                var template = AttributeRouteModel.CombineAttributeRouteModel(prefix, selector.AttributeRouteModel)?.Template ?? "";
                foreach (var language in SiteLanguage.All.Where(l => !l.IsEnglish))
                {
                    // An absolute template ("/es/...") is not combined with the controller's English prefix.
                    action.Selectors.Add(new SelectorModel(selector)
                    {
                        AttributeRouteModel = new AttributeRouteModel { Template = SitePaths.Localize(language, template) },
                    });
                }
            }
        }
    }
}
