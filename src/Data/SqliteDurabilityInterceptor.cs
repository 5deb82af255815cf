using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace PiriSite.Data;

/// <summary>
/// Sets each new SQLite connection up for durability under concurrency: a committed transaction is on disk
/// before the commit returns (synchronous=FULL, so an acknowledged consultation request survives a crash
/// or power loss), and a writer that finds the database busy waits its turn instead of failing.
/// </summary>
internal sealed class SqliteDurabilityInterceptor(int busyTimeoutMilliseconds) : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = CreatePragmas(connection);
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = CreatePragmas(connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private DbCommand CreatePragmas(DbConnection connection)
    {
        var command = connection.CreateCommand();
#pragma warning disable CA2100 // The only interpolated value is an integer from configuration, not user input.
        command.CommandText = $"PRAGMA synchronous=FULL; PRAGMA busy_timeout={busyTimeoutMilliseconds};";
#pragma warning restore CA2100
        return command;
    }
}
