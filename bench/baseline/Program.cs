// Serves one fixed HTML page from memory at every address: the fastest a page of that size can be served by
// this server on this machine. bench/run.sh gives it the site's own article page, so both send the same bytes.
// Usage: Baseline <page.html> --urls http://127.0.0.1:PORT
var page = await File.ReadAllBytesAsync(args[0]);

var builder = WebApplication.CreateSlimBuilder(args[1..]);
builder.Logging.ClearProviders();
var app = builder.Build();

app.Run(async context =>
{
    context.Response.ContentType = "text/html; charset=utf-8";
    context.Response.ContentLength = page.Length;
    await context.Response.Body.WriteAsync(page);
});

await app.RunAsync();
