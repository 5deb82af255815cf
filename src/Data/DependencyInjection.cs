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

    public static IHostApplicationBuilder AddData(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);

        // Database
        builder.Services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.SectionName);
        var database = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var configured = builder.Configuration.GetConnectionString("Site");
        if (database.Provider == DatabaseProvider.Postgres)
        {
            if (string.IsNullOrWhiteSpace(configured))
            {
                throw new InvalidOperationException(
                    "Database:Provider is Postgres, but ConnectionStrings:Site is not set. Set it (e.g. ConnectionStrings__Site=\"Host=db;Database=pirisite;Username=pirisite;Password=…\") or remove Database:Provider to use SQLite.");
            }

            builder.Services.AddDbContext<SiteDbContext, PostgresSiteDbContext>(options => options.UseNpgsql(configured));
        }
        else
        {
            var connectionString = ResolveSqlitePath(configured ?? DefaultConnectionString, builder.Environment.ContentRootPath);
            var busyTimeout = database.BusyTimeoutMilliseconds;
            builder.Services.AddDbContext<SiteDbContext, SqliteSiteDbContext>(options => options
                .UseSqlite(connectionString, sqlite => sqlite.CommandTimeout(busyTimeout / 1000 + 5))
                .AddInterceptors(new SqliteDurabilityInterceptor(busyTimeout)));
        }

        builder.Services.AddScoped<SiteDbInitialiser>();
        builder.Services.AddOptions<AdminBootstrapOptions>().BindConfiguration(AdminBootstrapOptions.SectionName);
        builder.Services.AddScoped<FirstAttorneyBootstrap>();
        builder.Services.AddOptions<FileKeyImportOptions>();
        builder.Services.AddSingleton(TimeProvider.System);
        // Pages are rendered when saved and when the initialiser finds them stale; one shared, thread-safe renderer.
        builder.Services.AddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton(new DatabaseWriteGate(database.Provider));

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
