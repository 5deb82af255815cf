namespace PiriSite.Domain.Content;

/// <summary>
/// Page <see cref="Number"/> (from 1) of a list of <see cref="Total"/> items shown <see cref="Size"/> at a time. An
/// empty list still has its first page (saying there is nothing yet); any other page past the last does not exist.
/// </summary>
public sealed record Paging(int Number, int Size, int Total)
{
    /// <summary>The public indexes' page size: a page of cards stays well under 60 KB.</summary>
    public const int PublicPageSize = 20;

    public int Count => Total == 0 ? 1 : (Total + Size - 1) / Size;

    public bool Exists => Number >= 1 && Number <= Count;

    public int Skip => (Number - 1) * Size;

    public bool HasPrevious => Number > 1;

    public bool HasNext => Number < Count;
}
