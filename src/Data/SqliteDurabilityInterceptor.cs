using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PiriSite.Data;

/// <summary>
/// Sets each new SQLite connection up for durability under concurrency: a committed transaction is on disk
/// before the commit returns (synchronous=FULL, so an acknowledged consultation request survives a crash
/// or power loss), and a writer that finds the database busy waits its turn instead of failing. Deleted content
/// is overwritten with zeros (secure_delete), so a deleted consultation request leaves no readable trace in the
/// file's free pages.
/// </summary>
internal sealed class SqliteDurabilityInterceptor(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    // Pooled connections are opened again for every query; the settings stay on the underlying SQLite handle,
    // so they are applied once per handle rather than at every open.
    private static readonly ConditionalWeakTable<object, object> s_configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsSettings(connection))
        {
            using var command = CreatePragmas(connection);
            command.ExecuteNonQuery();
            MarkConfigured(connection);
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsSettings(connection))
        {
            await using var command = CreatePragmas(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            MarkConfigured(connection);
        }
    }

    private static bool NeedsSettings(DbConnection connection) =>
        connection is not SqliteConnection { Handle: { } handle } || !s_configured.TryGetValue(handle, out _);

    // Only after the settings took effect: a handle whose settings failed gets them at its next open.
    private static void MarkConfigured(DbConnection connection)
    {
        if (connection is SqliteConnection { Handle: { } handle })
        {
            s_configured.AddOrUpdate(handle, handle);
        }
    }

    private DbCommand CreatePragmas(DbConnection connection)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The only interpolated value is an integer from configuration, not user input.
        command.CommandText = $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyTimeoutMilliseconds}; PRAGMA secure_delete=ON;";
#pragma warning restore CA2100
        return command;
    }
}
