namespace PiriSite.Data;

/// <summary>
/// Lets this process's busiest writers (consultation requests, the outbox) take turns in memory instead of in
/// SQLite. SQLite allows one writer at a time; a writer that finds the database locked sleeps in growing steps
/// (1, 2, 5, 10… 100 ms) before trying again, so under a burst most of the time went to sleeping. Waiting here
/// instead, each writer starts the moment the previous one commits. Other writers (rare staff edits) still
/// wait in SQLite's own busy handler; the two kinds never wait for each other in a cycle, because a writer
/// holds the gate only around one self-contained SaveChanges.
/// </summary>
public sealed class SqliteWriteGate : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Turn(_gate);
    }

    public void Dispose() => _gate.Dispose();

    private sealed class Turn(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
