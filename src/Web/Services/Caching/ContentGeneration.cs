namespace PiriSite.Web.Services.Caching;

/// <summary>
/// Counts changes to the published content seen by this instance: its own saves, and those announced by other
/// instances. The in-memory copy of the content (<see cref="PublishedContent"/>) is reloaded when the count has moved,
/// and a page whose rendering began before it moved is not stored in the cache (<see cref="PublicPagePolicy"/>).
/// </summary>
public sealed class ContentGeneration
{
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    public void Advance() => Interlocked.Increment(ref _current);
}
