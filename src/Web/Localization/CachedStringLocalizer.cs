using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.Localization;
using Microsoft.Extensions.Localization;

namespace PiriSite.Web.Localization;

/// <summary>
/// The interface text of one resource set, read from its .resx once per language and then looked up in a frozen
/// table. The framework's localizer asks the ResourceManager on every lookup, which takes a lock: with a hundred
/// lookups a page and requests on every core, the waiting cost more than the rendering (bench/RESULTS.md).
/// A key the table lacks falls back to the framework's localizer (which reports it as not found).
/// </summary>
public sealed class CachedStringLocalizer<TResource>(IStringLocalizerFactory factory) : IStringLocalizer<TResource>
{
    private readonly IStringLocalizer _resources = factory.Create(typeof(TResource));
    private readonly ConcurrentDictionary<string, FrozenDictionary<string, string>> _tables = new(StringComparer.Ordinal);

    public LocalizedString this[string name] =>
        Table().TryGetValue(name, out var value) ? new LocalizedString(name, value, resourceNotFound: false) : _resources[name];

    public LocalizedString this[string name, params object[] arguments] =>
        Table().TryGetValue(name, out var format)
            ? new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, format, arguments), resourceNotFound: false)
            : _resources[name, arguments];

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => _resources.GetAllStrings(includeParentCultures);

    // The request's UI culture ("es-US") reads its parent's file (.es.resx) and then the English one.
    private FrozenDictionary<string, string> Table() =>
        _tables.GetOrAdd(CultureInfo.CurrentUICulture.Name, _ => _resources.GetAllStrings(includeParentCultures: true)
            .GroupBy(s => s.Name, StringComparer.Ordinal)
            .ToFrozenDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal));
}

/// <summary>The same table for text that holds markup (its arguments are HTML-encoded as usual).</summary>
public sealed class CachedHtmlLocalizer<TResource>(IStringLocalizer<TResource> localizer) : HtmlLocalizer(localizer), IHtmlLocalizer<TResource>;
