// Serves one fixed HTML page from memory at every address: the fastest a page of that size can be served by
// this server on this machine. bench/run.sh gives it the site's own article page, so both send the same bytes.
//
// Three options turn it into reference points for what the site is required to do (send its headers, answer from
// ASP.NET Core's output cache, store a post durably), so the benchmark shows how much of the site's distance to the
// baseline is the least those requirements cost on this machine:
//   --headers FILE   also sends these response headers (the site's own security headers, one "Name: value" a line);
//   --output-cache   answers through ASP.NET Core's output cache behind routing, with the site's cache settings;
//   --store-posts DB stores each POSTed form as one row of a SQLite database, committed to disk before it answers
//                    302, as the site stores a consultation request (WAL, synchronous=FULL, one writer at a time).
// Usage: Baseline <page.html> [--headers FILE] [--output-cache] [--store-posts DB] --urls http://127.0.0.1:PORT
using Microsoft.Data.Sqlite;

var page = await File.ReadAllBytesAsync(args[0]);
var options = args[1..].ToList();
var headers = TakeHeaders(options);
var outputCache = options.Remove("--output-cache");
var postStore = TakeValue(options, "--store-posts") is { } database ? await PostStore.OpenAsync(database) : null;

var builder = WebApplication.CreateSlimBuilder(options.ToArray());
builder.Logging.ClearProviders();
if (outputCache)
{
    // As src/Web/Extensions/PublicPageCaching.cs configures the public pages.
    builder.Services.AddOutputCache(cache => cache.AddBasePolicy(policy => policy
        .SetLocking(false).SetVaryByQuery("").SetVaryByHeader("Accept-Encoding").Expire(TimeSpan.FromHours(1))));
}

var app = builder.Build();

if (headers.Count > 0)
{
    // Set before the answer, as the site's security-header middleware (its first) does.
    app.Use((context, next) =>
    {
        foreach (var (name, value) in headers)
        {
            context.Response.Headers[name] = value;
        }

        return next(context);
    });
}

if (outputCache)
{
    // Routing first, as in the site, then the cache; the endpoint runs only on the first request.
    app.UseRouting();
    app.UseOutputCache();
    app.MapGet("/{**path}", WritePage);
}
else if (postStore is not null)
{
    app.Run(async context =>
    {
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            await WritePage(context);
            return;
        }

        var form = await context.Request.ReadFormAsync();
        await postStore.SaveAsync(string.Join('&', form.Select(field => $"{field.Key}={field.Value}")));
        context.Response.Redirect("/thanks");
    });
}
else
{
    app.Run(WritePage);
}

await app.RunAsync();

async Task WritePage(HttpContext context)
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = page.Length;
    await context.Response.Body.WriteAsync(page);
}

static List<(string Name, string Value)> TakeHeaders(List<string> options) =>
    TakeValue(options, "--headers") is { } file
        ? [.. File.ReadAllLines(file).Where(line => line.Contains(':'))
            .Select(line => (line[..line.IndexOf(':')].Trim(), line[(line.IndexOf(':') + 1)..].Trim()))]
        : [];

static string? TakeValue(List<string> options, string name)
{
    var at = options.IndexOf(name);
    if (at < 0)
    {
        return null;
    }

    var value = options[at + 1];
    options.RemoveRange(at, 2);
    return value;
}

/// <summary>One table, one row per post, each in its own transaction committed to disk.</summary>
internal sealed class PostStore(string connectionString) : IDisposable
{
    // One writer at a time, queued in memory, as the site's DatabaseWriteGate does.
    private readonly SemaphoreSlim _writer = new(1, 1);

    public static async Task<PostStore> OpenAsync(string database)
    {
        var connectionString = $"Data Source={database}";
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var create = connection.CreateCommand();
        create.CommandText = "PRAGMA journal_mode=WAL; CREATE TABLE IF NOT EXISTS Posts (Id INTEGER PRIMARY KEY, Body TEXT NOT NULL);";
        await create.ExecuteNonQueryAsync();
        return new PostStore(connectionString);
    }

    public async Task SaveAsync(string body)
    {
        await _writer.WaitAsync();
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using var insert = connection.CreateCommand();
            insert.CommandText = "PRAGMA synchronous=FULL; INSERT INTO Posts (Body) VALUES ($body);";
            insert.Parameters.AddWithValue("$body", body);
            await insert.ExecuteNonQueryAsync();
        }
        finally
        {
            _writer.Release();
        }
    }

    public void Dispose() => _writer.Dispose();
}
