using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PiriSite.Data;

/// <summary>
/// For <c>dotnet ef migrations add</c>: each engine's context built without the web app, so either migration set
/// can be made whatever <c>Database:Provider</c> says (commands in README, "Database migrations").
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteSiteDbContext>
{
    public SqliteSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteSiteDbContext>().UseSqlite(DependencyInjection.DefaultConnectionString).Options);
}

/// <inheritdoc cref="SqliteDesignTimeFactory"/>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresSiteDbContext>
{
    // Making a migration never connects; applying one (dotnet ef database update) needs a real connection string.
    public PostgresSiteDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresSiteDbContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__Site") ?? "Host=127.0.0.1;Username=postgres;Database=pirisite")
            .Options);
}
