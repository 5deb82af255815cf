namespace PiriSite.Web.Services.Caching;

/// <summary>
/// Counts changes to the published content seen by this instance: its own saves, and those announced by other
/// instances, and keeps what each changed until the in-memory copy (<see cref="PublishedContent"/>) takes them to
/// reload just those rows. A page whose rendering began before the count moved is not stored in the cache
/// (<see cref="PublicPagePolicy"/>).
/// </summary>
public sealed class ContentGeneration
{
    private readonly Lock _lock = new();
    private readonly HashSet<ContentChange> _pending = [];
    private bool _everything;
    private long _current;

    public long Current => Interlocked.Read(ref _current);

    /// <summary>Records <paramref name="change"/>, then moves the count (a reader that sees the new count finds the change).</summary>
    public void Advance(ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(change);
        lock (_lock)
        {
            if (change.Scope == ContentChangeScope.Everything)
            {
                // One full reload covers every change before it: the set stays small however long Redis is away.
                _everything = true;
                _pending.Clear();
            }
            else if (!_everything && change.Scope != ContentChangeScope.Nothing)
            {
                _pending.Add(change);
            }
        }

        Interlocked.Increment(ref _current);
    }

    /// <summary>The changes recorded since the last call (only <see cref="ContentChange.Everything"/> when that was among them).</summary>
    public IReadOnlyList<ContentChange> TakeChanges()
    {
        lock (_lock)
        {
            IReadOnlyList<ContentChange> changes = _everything ? [ContentChange.Everything] : [.. _pending];
            _everything = false;
            _pending.Clear();
            return changes;
        }
    }
}
