using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using PiriSite.Data;
using PiriSite.Domain.Audit;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Areas.Admin.Services;

/// <summary>
/// The site with an audit log that can be made to fail: while <see cref="AuditFails"/> is set, a SaveChanges that
/// carries an audit entry throws. A service that saved its change first and audited after would leave the change.
/// </summary>
public sealed class AuditFailureSite : IDisposable
{
    private readonly SiteFactory _site = new();
    private readonly FailingAudit _audit = new();
    private readonly WebApplicationFactory<Program> _app;

    public AuditFailureSite()
    {
        _app = _site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureSiteDbContext(options => options.AddInterceptors(_audit))));
    }

    public static ClaimsPrincipal Actor { get; } = new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, "no-such-user"), new Claim(ClaimTypes.Name, "attorney@pirisite.test")], "Test"));

    public bool AuditFails
    {
        get => _audit.Active;
        set => _audit.Active = value;
    }

    /// <summary>A request's worth of services: one DbContext, as a controller would have.</summary>
    public AsyncServiceScope CreateScope() => _app.Services.CreateAsyncScope();

    /// <summary>Reads the database as it is now, in a scope of its own.</summary>
    public async Task<T> ReadAsync<T>(Func<SiteDbContext, Task<T>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        await using var scope = CreateScope();
        return await read(scope.ServiceProvider.GetRequiredService<SiteDbContext>());
    }

    public void Dispose()
    {
        _app.Dispose();
        _site.Dispose();
    }

    private sealed class FailingAudit : SaveChangesInterceptor
    {
        public bool Active { get; set; }

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (Active && eventData.Context!.ChangeTracker.Entries<AuditEntry>().Any(e => e.State == EntityState.Added))
            {
                throw new InvalidOperationException("The audit log is unavailable (a test).");
            }

            return base.SavingChangesAsync(eventData, result, cancellationToken);
        }
    }
}
