using PiriSite.Data.Identity;
using PiriSite.Web.Commands;
using PiriSite.Web.Extensions;
using Serilog;

var builder = WebApplication.CreateBuilder(args);

builder.AddData();
builder.AddWeb();
builder.AddSiteIdentity();
// preserveStaticLogger: each host logs through its own logger, not the process-wide Log.Logger
// (several hosts run side by side in the tests, and each must keep its own sinks). Every event names the instance
// that wrote it; Serilog records the request's trace id (continued from the proxy's traceparent) by itself.
builder.Services.AddSerilog(
    (services, logger) => logger.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services)
        .Enrich.WithProperty("Instance", services.GetRequiredService<SiteInstance>().Name).DropArgumentValues(),
    preserveStaticLogger: true);

var app = builder.Build();

// Backup and restore take the database as it is, so they run before the initialiser: it would otherwise migrate the
// database a backup should capture unchanged, or migrate and seed the empty target a restore then has to replace.
if (BackupCommand.IsRequested(args))
{
    return await BackupCommand.RunAsync(app.Services, args, Console.Out);
}

if (RestoreCommand.IsRequested(args))
{
    return await RestoreCommand.RunAsync(app.Services, args, Console.Out);
}

// Migrate and seed before the first request: a fresh clone serves the firm's content on first run. Then the first
// Attorney from the environment (Admin:*; a container has no terminal for create-admin): refused settings stop the start.
await using (var scope = app.Services.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<SiteDbInitialiser>().InitialiseAsync();
    if (await scope.ServiceProvider.GetRequiredService<FirstAttorneyBootstrap>().RunAsync() == FirstAttorneyOutcome.Refused)
    {
        return 1;
    }
}

if (CreateAdminCommand.IsRequested(args))
{
    return await CreateAdminCommand.RunAsync(app.Services, args, Console.In, Console.Out);
}

app.UseWebPipeline();

await app.RunAsync();
return 0;
