using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PiriSite.Data.Identity;
using PiriSite.Domain.Accounts;
using PiriSite.Web.Tests.Infrastructure;

namespace PiriSite.Web.Tests.Controllers.Account;

/// <summary>
/// A sign-in with an unknown email costs a password hash like one with a known email, so response times do not tell
/// which emails have accounts. Shown without a stopwatch: the hasher is counted.
/// </summary>
public sealed class SignInTimingTests : IDisposable
{
    private readonly SiteFactory _site = new();
    private readonly HasherCalls _calls = new();
    private readonly WebApplicationFactory<Program> _factory;

    public SignInTimingTests()
    {
        _factory = _site.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(_calls);
            services.AddScoped<IPasswordHasher<StaffUser>, CountingPasswordHasher>();
        }));
    }

    [Fact]
    public async Task AnUnknownEmailCostsOnePasswordVerificationLikeAWrongPassword()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True((await StaffAccounts.CreateAsync(users, "known@pirisite.test", "Known", StaffSessions.Password, StaffRoles.Staff)).Succeeded);
        }

        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });

        var before = _calls.Verifications;
        await StaffSessions.PostLoginAsync(client, "known@pirisite.test", "not the right password");
        var forKnown = _calls.Verifications - before;

        before = _calls.Verifications;
        await StaffSessions.PostLoginAsync(client, "nobody-here@pirisite.test", "not the right password");
        var forUnknown = _calls.Verifications - before;

        Assert.Equal(1, forKnown);
        Assert.Equal(forKnown, forUnknown);
    }

    [Fact]
    public async Task ALockedAccountAlsoCostsOnePasswordVerification()
    {
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var created = await StaffAccounts.CreateAsync(users, "locked@pirisite.test", "Locked", StaffSessions.Password, StaffRoles.Staff);
            await users.SetLockoutEndDateAsync(created.User!, DateTimeOffset.UtcNow.AddMinutes(10));
        }

        using var client = _factory.CreateClient(new() { AllowAutoRedirect = false, BaseAddress = new Uri(SiteFactory.BaseAddress) });
        var before = _calls.Verifications;
        await StaffSessions.PostLoginAsync(client, "locked@pirisite.test", "not the right password");

        Assert.Equal(1, _calls.Verifications - before);
    }

    public void Dispose()
    {
        _factory.Dispose();
        _site.Dispose();
    }

    public sealed class HasherCalls
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public void Verified() => Interlocked.Increment(ref _verifications);
    }

    private sealed class CountingPasswordHasher(HasherCalls calls, IOptions<PasswordHasherOptions> options) : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> _inner = new(options);

        public string HashPassword(StaffUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            calls.Verified();
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
