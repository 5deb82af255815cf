namespace PiriSite.Web.Areas.Admin.Services;

/// <summary>
/// One page of a staff list: its rows, which page it is (1 is the first; always one the list has), how many rows a
/// page holds and how many the whole list has.
/// </summary>
public sealed record ListPage<T>(IReadOnlyList<T> Rows, int Page, int PageSize, int Total)
{
    private Paging Paging => new(Page, PageSize, Total);

    public int PageCount => Paging.Count;

    /// <summary>The position of the first row shown, counting from 1 (0 when the list is empty).</summary>
    public int FirstNumber => Rows.Count == 0 ? 0 : Paging.Skip + 1;

    /// <summary>The position of the last row shown.</summary>
    public int LastNumber => Paging.Skip + Rows.Count;

    /// <summary>The same page with other rows (the same rows made into what a screen shows).</summary>
    public ListPage<TOther> With<TOther>(IReadOnlyList<TOther> rows) => new(rows, Page, PageSize, Total);
}

/// <summary>
/// How the staff lists (articles, practice areas, revisions, images) are cut into pages: the database counts the
/// rows and returns only one page of them, so a list costs the same with ten rows or ten thousand.
/// </summary>
public static class ListPaging
{
    /// <summary>Rows on a page of the content lists and of a page's history.</summary>
    public const int PageSize = 50;

    /// <summary>
    /// Page <paramref name="requested"/> of <paramref name="ordered"/>: a number below 1 (or one that did not parse,
    /// which binds as 0) is the first page, one past the end the last, so an old link never lands on an empty page.
    /// </summary>
    public static async Task<ListPage<T>> PageAsync<T>(IQueryable<T> ordered, int requested, int pageSize, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var total = await ordered.CountAsync(cancellationToken);
        // The page arithmetic is the public indexes' (Paging); staff lists clamp where the public site answers 404.
        var paging = new Paging(Math.Clamp(requested, 1, new Paging(1, pageSize, total).Count), pageSize, total);
        var rows = total == 0 ? [] : await ordered.Skip(paging.Skip).Take(pageSize).ToListAsync(cancellationToken);
        return new ListPage<T>(rows, paging.Number, pageSize, total);
    }
}
