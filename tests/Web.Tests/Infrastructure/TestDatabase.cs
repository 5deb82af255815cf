using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PiriSite.Data;

namespace PiriSite.Web.Tests.Infrastructure;

/// <summary>
/// The engine the integration tests run on: a SQLite file per site by default; PostgreSQL when
/// PIRISITE_TEST_POSTGRES holds a server's connection string (test.sh's second run of this project sets it, on
/// a throwaway server). Each site then gets its own database, copied from a template migrated once per run.
/// </summary>
public static class TestDatabase
{
    public const string PostgresVariable = "PIRISITE_TEST_POSTGRES";

    private static readonly Lock s_templateLock = new();
    private static string? s_template;

    public static string? PostgresServer { get; } = Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } server ? server : null;

    public static bool IsPostgres => PostgresServer is not null;

    public static DatabaseProvider Provider => IsPostgres ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;

    /// <summary>SQL that drops a table as if it were lost (PostgreSQL also drops the keys that point at it; SQLite does not check them).</summary>
    public static string DropTable(string table) => IsPostgres ? $"""DROP TABLE "{table}" CASCADE;""" : $"""DROP TABLE "{table}";""";

    /// <summary>A new, migrated, empty PostgreSQL database; returns its connection string.</summary>
    public static string CreatePostgresDatabase()
    {
        var name = "pirisite_test_" + Guid.NewGuid().ToString("N");
        lock (s_templateLock)
        {
            // Copying a template takes milliseconds; migrating each database would take a second each.
            // CREATE DATABASE refuses to copy a template someone is connected to, so copies are made one at a time.
            s_template ??= MigrateTemplate();
            Execute($"""CREATE DATABASE "{name}" TEMPLATE "{s_template}" """);
        }

        return ConnectionString(name);
    }

    /// <summary>A new PostgreSQL database with nothing in it (no migrations), as on a fresh server; returns its connection string.</summary>
    public static string CreateEmptyPostgresDatabase()
    {
        var name = "pirisite_test_" + Guid.NewGuid().ToString("N");
        Execute($"""CREATE DATABASE "{name}" """);
        return ConnectionString(name);
    }

    public static string ConnectionString(string database) =>
        new NpgsqlConnectionStringBuilder(PostgresServer) { Database = database }.ConnectionString;

    public static void DropPostgresDatabase(string connectionString)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database;
        NpgsqlConnection.ClearAllPools();
        Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
    }

    /// <summary>Runs a statement on the server's maintenance database (postgres).</summary>
    public static void Execute(string sql)
    {
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }

    private static string MigrateTemplate()
    {
        var name = $"pirisite_template_{Environment.ProcessId}";
        Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
        Execute($"""CREATE DATABASE "{name}" """);
        var options = new DbContextOptionsBuilder<PostgresSiteDbContext>().UseNpgsql(ConnectionString(name)).Options;
        using (var db = new PostgresSiteDbContext(options))
        {
            db.Database.Migrate();
        }

        NpgsqlConnection.ClearAllPools();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Execute($"""DROP DATABASE IF EXISTS "{name}" WITH (FORCE)""");
            }
            catch (NpgsqlException)
            {
                // The throwaway server may already be gone.
            }
        };
        return name;
    }
}

/// <summary>A test of something only SQLite has (its files, pragmas, FTS5 table): skipped on PostgreSQL, whose own test stands beside it.</summary>
public sealed class SqliteFactAttribute : FactAttribute
{
    public SqliteFactAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only";
        }
    }
}

/// <summary>A theory about something only SQLite has (its query plans, its files): skipped on PostgreSQL.</summary>
public sealed class SqliteTheoryAttribute : TheoryAttribute
{
    public SqliteTheoryAttribute()
    {
        if (TestDatabase.IsPostgres)
        {
            Skip = "SQLite only";
        }
    }
}

/// <summary>A test of something only PostgreSQL has: runs in the PostgreSQL run of this project.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (!TestDatabase.IsPostgres)
        {
            Skip = $"PostgreSQL only (set {TestDatabase.PostgresVariable}; test.sh does)";
        }
    }
}

public static class SiteDbContextConfiguration
{
    /// <summary>Adds to the site's DbContext options, whichever engine's context the site registered.</summary>
    public static IServiceCollection ConfigureSiteDbContext(this IServiceCollection services, Action<DbContextOptionsBuilder> configure) =>
        TestDatabase.IsPostgres
            ? services.ConfigureDbContext<PostgresSiteDbContext>(configure)
            : services.ConfigureDbContext<SqliteSiteDbContext>(configure);
}

public static class DbCommandParameters
{
    /// <summary>Adds the parameter @<paramref name="name"/>, on either engine's command.</summary>
    public static void AddParameter(this System.Data.Common.DbCommand command, string name, object? value)
    {
        ArgumentNullException.ThrowIfNull(command);
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
    }
}
