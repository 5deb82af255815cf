using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace PiriSite.Data;

/// <summary>What a failed save means, the same on both engines.</summary>
public static class DatabaseErrors
{
    // SQLITE_CONSTRAINT (19) and PostgreSQL's unique_violation (23505).
    private const int SqliteConstraint = 19;

    /// <summary>The save broke a unique index: another writer stored the same key first.</summary>
    public static bool IsUniqueViolation(DbUpdateException exception) => exception?.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };
}
