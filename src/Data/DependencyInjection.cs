using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PiriSite.Data.Identity;
using PiriSite.Domain.Content;

namespace PiriSite.Data;

public static class DependencyInjection
{
    /// <summary>The embedded default: a SQLite file beside the app, created on first start.</summary>
    public const string DefaultConnectionString = "Data Source=App_Data/pirisite.db";

    /// <summary>How long a writer waits for another to finish before giving up: far longer than any write here takes.</summary>
    public const int DefaultBusyTimeoutMilliseconds = 30_000;

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        var connectionString = ResolveSqlitePath(
            builder.Configuration.GetConnectionString("Site") ?? DefaultConnectionString,
            builder.Environment.ContentRootPath);

        // Database
        var busyTimeout = builder.Configuration.GetValue("Database:BusyTimeoutMilliseconds", DefaultBusyTimeoutMilliseconds);
        builder.Services.AddDbContext<SiteDbContext>(options => options
            .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(busyTimeout / 1000 + 5))
            .AddInterceptors(new SqliteDurabilityInterceptor(busyTimeout)));
        builder.Services.AddScoped<SiteDbInitialiser>();
        builder.Services.AddOptions<AdminBootstrapOptions>().BindConfiguration(AdminBootstrapOptions.SectionName);
        builder.Services.AddSingleton(TimeProvider.System);
        // Pages are rendered when saved and when the initialiser finds them stale; one shared, thread-safe renderer.
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<SqliteWriteGate>();

        return builder;
    }

    /// <summary>
    /// Makes a relative SQLite file path relative to the app's content root (not to whatever folder
    /// the process was started from) and creates its folder, so a fresh clone runs without setup.
    /// </summary>
    public static string ResolveSqlitePath(string connectionString, string contentRoot)
    {
        var csb = new SqliteConnectionStringBuilder(connectionString);
        var dataSource = csb.DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || csb.Mode == SqliteOpenMode.Memory)
        {
            return connectionString;
        }

        if (!Path.IsPathRooted(dataSource))
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(contentRoot, dataSource));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(csb.DataSource)!);
        return csb.ToString();
    }
}
