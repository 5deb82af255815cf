namespace PiriSite.Data;

/// <summary>
/// Lets this process's busiest writers (consultation requests, the outbox) take turns in memory instead of in
/// SQLite. SQLite allows one writer at a time; a writer that finds the database locked sleeps in growing steps
/// (1, 2, 5, 10… 100 ms) before trying again, so under a burst most of the time went to sleeping. Waiting here
/// instead, each writer starts the moment the previous one commits. Other writers (rare staff edits) still
/// wait in SQLite's own busy handler; the two kinds never wait for each other in a cycle, because a writer
/// holds the gate only around one self-contained SaveChanges. PostgreSQL lets writers of different rows go on
/// together, so on it the gate lets everyone through at once.
/// </summary>
public sealed class DatabaseWriteGate(DatabaseProvider provider) : IDisposable
{
    private readonly SemaphoreSlim? _gate = provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        if (_gate is null)
        {
            return Turn.Free;
        }

        await _gate.WaitAsync(cancellationToken);
        return new Turn(_gate);
    }

    public void Dispose() => _gate?.Dispose();

    private sealed class Turn(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Turn Free = new(null);

        private int _released;

        public void Dispose()
        {
            if (gate is not null && Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
