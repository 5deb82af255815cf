using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PiriSite.Data;

/// <summary>
/// Lets work that must happen once (a retention pass, a capture round, the initialiser) run on one instance at a time
/// when several share one database. On PostgreSQL a session advisory lock, one fixed key per name, held on a
/// connection of its own for as long as the work takes (so the work may commit, or VACUUM, as it likes); the server
/// drops it by itself if the instance dies. On SQLite it is always granted: SQLite is one instance by design.
/// </summary>
public static class ClusterLock
{
    // The lock's keys: this class key and the name's hash. The two-key form is a key space of its own, apart from
    // the one-key locks of MailboxLock.
    private const int ClassKey = 0x50495249; // "PIRI"

    /// <summary>Takes the lock if no other instance holds it; null when one does (that instance is doing the work).</summary>
    public static async Task<IAsyncDisposable?> TryTakeAsync(SiteDbContext db, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return Held.Nothing;
        }

        var connection = await OpenAsync(db, cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, hashtext(@name))", connection);
            command.Parameters.AddWithValue("class", ClassKey);
            command.Parameters.AddWithValue("name", name);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new Held(connection, name);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>Takes the lock, waiting while another instance holds it.</summary>
    public static async Task<IAsyncDisposable> TakeAsync(SiteDbContext db, string name, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return Held.Nothing;
        }

        var connection = await OpenAsync(db, cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand("SELECT pg_advisory_lock(@class, hashtext(@name))", connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("class", ClassKey);
            command.Parameters.AddWithValue("name", name);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new Held(connection, name);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    private static async Task<NpgsqlConnection> OpenAsync(SiteDbContext db, CancellationToken cancellationToken)
    {
        // Not from the pool: a pooled connection given back while holding the lock would keep it for whoever is next.
        var settings = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString()) { Pooling = false };
        var connection = new NpgsqlConnection(settings.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private sealed class Held(NpgsqlConnection? connection, string name) : IAsyncDisposable
    {
        public static readonly Held Nothing = new(null, "");

        public async ValueTask DisposeAsync()
        {
            if (connection is null)
            {
                return;
            }

            try
            {
                await using var command = new NpgsqlCommand("SELECT pg_advisory_unlock(@class, hashtext(@name))", connection);
                command.Parameters.AddWithValue("class", ClassKey);
                command.Parameters.AddWithValue("name", name);
                await command.ExecuteNonQueryAsync();
            }
            finally
            {
                // Closing the session would release the lock anyway; the unlock only makes it prompt and explicit.
                await connection.DisposeAsync();
            }
        }
    }
}
