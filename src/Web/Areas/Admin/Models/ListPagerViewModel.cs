using System.Globalization;
using PiriSite.Web.Areas.Admin.Services;

namespace PiriSite.Web.Areas.Admin.Models;

/// <summary>
/// The page links under a paged staff list (articles, practice areas, a page's history, images): first, previous,
/// "page 3 of 200", next and last; each link keeps the list's search and filters. Null where there is no such page.
/// </summary>
public sealed record ListPagerViewModel(string Label, int Page, int PageCount, string? First, string? Previous, string? Next, string? Last)
{
    /// <param name="address">The list's address for a page number, with its search and filters.</param>
    public static ListPagerViewModel For<T>(string label, ListPage<T> list, Func<int, string> address)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(address);
        var (page, count) = (list.Page, list.PageCount);
        return new(label, page, count,
            page > 2 ? address(1) : null,
            page > 1 ? address(page - 1) : null,
            page < count ? address(page + 1) : null,
            page < count - 1 ? address(count) : null);
    }

    /// <summary>"51–100 of 10,000": which rows of how many the page shows.</summary>
    public static string CountText<T>(ListPage<T> list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return string.Create(CultureInfo.InvariantCulture, $"{list.FirstNumber:N0}–{list.LastNumber:N0} of {list.Total:N0}");
    }

    /// <summary>
    /// <paramref name="path"/> with the query string of the given values (those empty left out; page 1 is the plain
    /// address), so that a list's links say only what differs from its first page.
    /// </summary>
    public static string Address(string path, int page, params (string Name, string? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var parts = values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}")
            .ToList();
        if (page > 1)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"page={page}"));
        }

        return parts.Count == 0 ? path : $"{path}?{string.Join('&', parts)}";
    }
}
