namespace PiriSite.Data;

/// <summary>The database engine behind the site: SQLite embedded by default, PostgreSQL for production hosting.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>The <c>Database</c> settings; the connection string is <c>ConnectionStrings:Site</c>.</summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>SQLite: how long a writer waits for another to finish before giving up (far longer than any write takes).</summary>
    public int BusyTimeoutMilliseconds { get; set; } = 30_000;
}
